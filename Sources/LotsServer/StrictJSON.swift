import Foundation
import LotsCore

/// Strict reading of the small JSON bodies (triage, messages, read receipts): one object, known fields only,
/// no duplicate keys, the right types. Errors read like the intake's: what, where, how to fix.
struct StrictJSON {
    let object: [String: Any]
    static let source = "request body"

    init(_ data: Data, allowed: Set<String>) throws {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw LotsError("body is not valid UTF-8", at: Self.source, fix: "send UTF-8 JSON")
        }
        guard !text.unicodeScalars.allSatisfy({ CharacterSet.whitespacesAndNewlines.contains($0) }) else {
            throw LotsError("body is empty", at: Self.source, fix: "send one JSON object")
        }
        let any: Any
        do { any = try JSONSerialization.jsonObject(with: data) } catch {
            throw LotsError("malformed JSON", at: Self.source, fix: "send one valid JSON object")
        }
        guard let o = any as? [String: Any] else { throw LotsError("body must be a JSON object", at: Self.source, fix: "wrap the fields in { }") }
        if let d = JSONDuplicateKeys.first(in: data) {
            let key = SafeText.sanitize(String(d.prefix(40)), keepNewlines: false)
            throw LotsError("field \"\(key)\" occurs twice", at: "\(key) in \(Self.source)", fix: "write each field once")
        }
        if let unknown = o.keys.filter({ !allowed.contains($0) }).sorted().first {
            let key = SafeText.sanitize(String(unknown.prefix(40)), keepNewlines: false)
            throw LotsError("unknown field \"\(key)\"", at: "\(key) in \(Self.source)", fix: "use only: \(allowed.sorted().joined(separator: ", "))")
        }
        object = o
    }

    func fail(_ what: String, _ field: String, _ fix: String) -> LotsError { LotsError(what, at: "\(field) in \(Self.source)", fix: fix) }

    func string(_ field: String, max: Int, required: Bool = true) throws -> String? {
        guard let v = object[field], !(v is NSNull) else {
            if required { throw fail("missing \(field)", field, "add \"\(field)\"") }
            return nil
        }
        guard let s = v as? String else { throw fail("\(field) must be text", field, "write it as a JSON string in quotes") }
        guard !s.unicodeScalars.contains("\u{0}") else { throw fail("\(field) contains a NUL character (\\u0000)", field, "remove the NUL character") }
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw fail("\(field) is empty", field, "write at least one visible character") }
        guard t.count <= max, t.unicodeScalars.count <= 2 * max else { throw fail("\(field) is \(t.count) characters, over \(max)", field, "shorten it to at most \(max) characters") }
        return t
    }

    func integer(_ field: String, range: ClosedRange<Int64>, required: Bool = true) throws -> Int64? {
        guard let v = object[field], !(v is NSNull) else {
            if required { throw fail("missing \(field)", field, "add \"\(field)\"") }
            return nil
        }
        guard let n = v as? NSNumber, String(cString: n.objCType) != "c", case let d = n.doubleValue, d == d.rounded(),
              d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
            throw fail("\(field) must be a whole number from \(range.lowerBound) to \(range.upperBound)", field, "write a whole number in that range")
        }
        return Int64(d)
    }
}
