import Foundation
import Testing
import LotsCore

/// The intake validator on its own: what it refuses and how it says so (issue 11, groups 5, 7, 13, 14).
@Suite struct IntakeParserTests {
    let now = ISOTime.parse("2026-11-23T12:00:00+01:00")!

    func parse(_ fields: [String: String]) throws -> Intake {
        var json: [String: String] = [
            "citizen": #"{"personnummer": "19121212-1212", "name": "Tolvan Tolvansson"}"#,
            "channel": #""app""#, "unit": #""SE2321000016-DEMO1""#, "submittedAt": #""2026-11-23T09:12:00+01:00""#,
            "reason": #""Ont i halsen""#,
        ]
        for (k, v) in fields { json[k] = v }
        let text = "{" + json.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        return try IntakeParser(source: "t.json", now: now) { _ in Data() }.parse(Data(text.utf8))
    }

    func error(_ fields: [String: String]) -> LotsError? {
        do { _ = try parse(fields); return nil } catch let e as LotsError { return e } catch { return nil }
    }

    func error(raw: String) -> LotsError? {
        do { _ = try IntakeParser(source: "t.json", now: now) { _ in Data() }.parse(Data(raw.utf8)); return nil }
        catch let e as LotsError { return e } catch { return nil }
    }

    // MARK: - Group 7: NUL bytes

    @Test func nulInTheReasonIsRefusedNotTruncated() throws {
        let e = try #require(error(["reason": #""abc\u0000def""#]))
        #expect(e.what.contains("NUL"))
        #expect(e.location == "reason in t.json")
        #expect(e.code == .dataError)
    }

    @Test func nulInAnyTextFieldIsRefused() {
        #expect(error(["expectations": #""ok\u0000""#]) != nil)
        #expect(error(["citizen": #"{"personnummer": "19121212-1212", "name": "Tolvan\u0000 T"}"#]) != nil)
        #expect(error(["answers": #"[{"id": "fever", "question": "Feber?", "answer": "ja\u0000nej"}]"#]) != nil)
    }

    // MARK: - Group 13: combining marks

    @Test func stackedCombiningMarksCountAgainstTheLimit() throws {
        let zalgo = "a" + String(repeating: "\u{0301}", count: 9_000)
        let e = try #require(error(["reason": "\"\(zalgo)\""]))
        #expect(e.what.contains("code points"))
    }

    // MARK: - Group 14: strict dates, numbers and keys

    @Test func impossibleDatesAndTimesAreRefusedNotRolledOver() {
        for bad in ["2026-02-30T10:00:00+01:00", "2026-11-23T24:00:00+01:00", "2026-11-23T09:60:00Z", "0001-01-01T00:00:00Z",
                    "2026-11-23T09:12:00+25:00", "2026-11-23 09:12:00Z", "2026-11-23T09:12:00"] {
            #expect(error(["submittedAt": "\"\(bad)\""])?.location == "submittedAt in t.json", "\(bad)")
        }
    }

    @Test func aSubmissionBeforeTheBirthDateIsRefused() throws {
        let e = try #require(error(["submittedAt": #""1900-06-01T10:00:00+01:00""#,
                                     "citizen": #"{"personnummer": "\#(Personnummer.make(year: 1980, month: 3, day: 14, serial: 2))", "name": "A B"}"#]))
        #expect(e.what.contains("before the patient's birth date"), "\(e.what)")
    }

    @Test func selfRatedHealthThatWrapsAroundIsRefused() {
        #expect(error(["selfRatedHealth": "18446744073709551617"])?.location == "selfRatedHealth in t.json")
        #expect(error(["selfRatedHealth": "4294967297"]) != nil)
        #expect((try? parse(["selfRatedHealth": "5"]))?.selfRatedHealth == 5)
    }

    @Test func duplicateKeysAreRefusedNotLastWins() throws {
        let e = try #require(error(raw: """
            {"citizen": {"personnummer": "19121212-1212", "name": "A B"}, "channel": "app", "unit": "SE2321000016-DEMO1",
             "submittedAt": "2026-11-23T09:12:00+01:00", "reason": "Ont", "reason": "Inget"}
            """))
        #expect(e.what == #"field "reason" occurs twice"#)
        let nested = try #require(error(raw: """
            {"citizen": {"personnummer": "19121212-1212", "name": "A B", "n\\u0061me": "C D"}, "channel": "app",
             "unit": "SE2321000016-DEMO1", "submittedAt": "2026-11-23T09:12:00+01:00", "reason": "Ont"}
            """))
        #expect(nested.what == #"field "name" occurs twice"#)
    }

    @Test func sameKeyInSiblingObjectsIsFine() throws {
        let intake = try parse(["answers": #"[{"id": "a", "question": "Q", "answer": "ja"}, {"id": "b", "question": "Q", "answer": "nej"}]"#])
        #expect(intake.answers.count == 2)
    }

    // MARK: - Group 5: nothing untrusted reaches the terminal raw

    @Test func echoedValuesAreSanitizedInErrors() throws {
        let cases: [[String: String]] = [
            ["submittedAt": #""\u001b[2J2026""#],
            ["citizen": #"{"personnummer": "19121212-1212", "name": "A B", "phone": "+46\u001b]52;c;x\u0007"}"#],
            ["citizen": #"{"personnummer": "1912\u001b[31m", "name": "A B"}"#],
            ["x\\u001b[2J": "1"],
        ]
        for c in cases {
            let e = try #require(error(c), "\(c)")
            #expect(!e.line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(e.line)")
        }
    }
}
