import Foundation
import Testing
import LotsCore

/// The YAML reader under hostile input (issue 11, groups 5 and 13).
@Suite struct YAMLReaderTests {
    /// Nested aliases used as mapping keys: a few hundred bytes that Yams would hash for minutes.
    static let laughs: String = {
        var lines = ["templates:", #"  - {? &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"] : 1"#]
        for i in 1..<8 { lines.append("    , ? &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ",") + "] : 1") }
        return (lines + ["  }"]).joined(separator: "\n") + "\n"
    }()

    @Test func aliasesAreRefusedQuicklyWithTheirPosition() throws {
        let start = Date()
        #expect(throws: LotsError.self) { try YAMLReader.parse(Self.laughs, file: "t.yaml") }
        do { _ = try YAMLReader.parse(Self.laughs, file: "t.yaml") } catch let e as LotsError {
            #expect(e.what.contains("aliases"))
            #expect(e.location == "t.yaml:3:14")
        }
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(throws: LotsError.self) { try TemplateCatalog.parse(Self.laughs, file: "t.yaml") }
    }

    @Test func starsThatAreNotAliasesStillParse() throws {
        let r = try YAMLReader.parse("a: \"5*3\"\nb: [x, y]\nc: \"*bold*\"\n", file: "t.yaml")
        #expect(try r.mapping()["a"]?.string() == "5*3")
    }

    @Test func keysAndValuesInErrorsAreSanitized() throws {
        do {
            _ = try YAMLReader.parse("\"evil\\e[2J\": 1\n", file: "t.yaml").mapping(allowed: ["a"])
            Issue.record("accepted an unknown key")
        } catch let e as LotsError {
            #expect(!e.line.unicodeScalars.contains { $0.value == 0x1B }, "\(e.line)")
            #expect(e.line.contains("␛[2J"))
        }
    }
}
