import Foundation
@testable import LotsServer
import Testing

/// JSONOut's own writer gives Foundation's bytes (sorted keys, unescaped slashes) for every shape the API answers
/// with, and hands everything else to Foundation.
struct JSONOutTests {
    static func foundation(_ o: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    static func fast(_ o: Any) -> String? {
        var w = FastJSONWriter()
        return w.write(o) ? String(decoding: w.bytes, as: UTF8.self) : nil
    }

    @Test func answersAsFoundationWritesThem() throws {
        var every = ""
        for u in 0..<0x80 { every.unicodeScalars.append(Unicode.Scalar(u)!) }
        every += "åäö ÅÄÖ 日本 ✓ 🩺 \u{2028}\u{2029}\u{7F}\u{85}\u{200E} </script> \\ \" /v1/cases/12"
        let samples: [Any] = [
            ["caseId": Int64(12), "caseToken": "ct_abc", "status": "new", "urgency": "P3", "urgencyLabel": "Prio 3 Inom en dag",
             "emergency": false, "careLevel": "primary", "advice": ["kind": "nurse-will-answer", "text": every],
             "questions": [["id": "cannot-swallow", "text": "Kan du svälja?"], ["id": "q", "text": ""]]],
            ["status": "ok"], ["a": true, "B": 1, "c": Int32(-7), "d": [] as [Any], "e": [:] as [String: Any]],
            ["readUpTo": Int64(0), "reason": "x", "READ": "y2"], [every, "", "\u{0}"],
            ["unit": ["hsaId": "SE2321000016-DEMO1", "name": "Vårdcentralen Demo"], "messages": [[String: Any]]()],
            ["caseId": Int64.max, "n": Int.min],
        ]
        for s in samples {
            #expect(Self.fast(s) == (try Self.foundation(s)))
            #expect(String(decoding: JSONOut.data(s), as: UTF8.self) == (try Self.foundation(s)))
        }
    }

    @Test func leavesOtherShapesToFoundation() throws {
        let others: [Any] = [["wait": 1.5], ["q1": true], ["a-b": 1], ["ab": 1, "AB": 2], ["x": NSNull()], ["n": NSNumber(value: 3)]]
        for o in others {
            #expect(Self.fast(o) == nil)
            #expect(String(decoding: JSONOut.data(o), as: UTF8.self) == (try Self.foundation(o)))
        }
    }
}
