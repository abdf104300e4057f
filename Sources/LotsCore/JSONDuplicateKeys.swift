import Foundation

/// Finds a key that occurs twice in one JSON object; `JSONSerialization` silently keeps the last one.
///
/// Run on text that already parsed as JSON, so it only has to follow strings, objects and arrays.
///
/// ```swift
/// JSONDuplicateKeys.first(in: Data(#"{"a": 1, "a": 2}"#.utf8))   // "a"
/// ```
public enum JSONDuplicateKeys {
    public static func first(in data: Data) -> String? {
        let b = [UInt8](data)
        var stack: [Set<String>?] = []  // a set of keys per open object, nil per open array
        var expectKey = false
        var i = 0
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "{"): stack.append([]); expectKey = true; i += 1
            case UInt8(ascii: "["): stack.append(nil); expectKey = false; i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): if !stack.isEmpty { stack.removeLast() }; expectKey = false; i += 1
            case UInt8(ascii: ","): expectKey = stack.last.map { $0 != nil } ?? false; i += 1
            case UInt8(ascii: "\""):
                let start = i
                var escaped = false
                i += 1
                while i < b.count, b[i] != UInt8(ascii: "\"") {
                    if b[i] == UInt8(ascii: "\\") { escaped = true; i += 1 }
                    i += 1
                }
                i += 1
                guard expectKey, let last = stack.last, last != nil else { continue }
                expectKey = false
                let raw = b[start..<min(i, b.count)]
                let key = escaped
                    ? (try? JSONSerialization.jsonObject(with: Data(raw), options: .fragmentsAllowed)) as? String ?? ""
                    : String(decoding: raw.dropFirst().dropLast(), as: UTF8.self)
                if stack[stack.count - 1]!.insert(key).inserted == false { return key }
            default: i += 1
            }
        }
        return nil
    }
}
