import Foundation
import Hummingbird

/// JSON bodies written with sorted keys and unescaped slashes.
///
/// The same bytes as `JSONSerialization` with `[.sortedKeys, .withoutEscapingSlashes]`, written directly for the
/// shapes the API answers with (objects with letter-only keys, arrays, strings, integers, booleans): Foundation's
/// writer on Linux bridges every value and sorts keys with ICU collation, which was 12 % of the server's time per
/// intake (issue 13). Anything else (a fraction, a key with digits or punctuation, NSNull, …) goes to
/// `JSONSerialization` whole, so the output never differs.
enum JSONOut {
    static func data(_ object: Any) -> Data {
        var w = FastJSONWriter()
        if w.write(object) { return Data(w.bytes) }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }

    static func response(_ object: Any, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var h = headers
        h[.contentType] = "application/json"
        return Response(status: status, headers: h, body: .init(byteBuffer: ByteBuffer(data: data(object))))
    }
}

/// The fast path of `JSONOut`: false when the value holds something it does not write exactly as Foundation does.
struct FastJSONWriter {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1024) }

    mutating func write(_ value: Any) -> Bool {
        switch value {
        case let s as String:
            string(s)
        case let o as [String: Any]:
            // Foundation sorts keys case-insensitively with numeric runs compared as numbers; for keys of ASCII
            // letters alone that is the order of their lowercased forms (two keys equal so are left to it).
            var keys: [(folded: [UInt8], key: String)] = []
            keys.reserveCapacity(o.count)
            for k in o.keys {
                var folded: [UInt8] = []
                folded.reserveCapacity(k.utf8.count)
                for b in k.utf8 {
                    switch b {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"): folded.append(b)
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded.append(b + 32)
                    default: return false
                    }
                }
                if folded.isEmpty { return false }
                keys.append((folded, k))
            }
            keys.sort { $0.folded.lexicographicallyPrecedes($1.folded) }
            for i in keys.indices.dropFirst() where keys[i].folded == keys[i - 1].folded { return false }
            bytes.append(UInt8(ascii: "{"))
            for (i, k) in keys.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                string(k.key)
                bytes.append(UInt8(ascii: ":"))
                guard write(o[k.key]!) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
        case let a as [Any]:
            bytes.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                guard write(v) else { return false }
            }
            bytes.append(UInt8(ascii: "]"))
        default:
            // Exact types only: a cast from Any would also turn an NSNumber or a Double into these.
            if type(of: value) == Bool.self {
                bytes += (value as! Bool) ? Array("true".utf8) : Array("false".utf8)
            } else if type(of: value) == Int.self {
                bytes += Array(String(value as! Int).utf8)
            } else if type(of: value) == Int64.self {
                bytes += Array(String(value as! Int64).utf8)
            } else if type(of: value) == Int32.self {
                bytes += Array(String(value as! Int32).utf8)
            } else {
                return false
            }
        }
        return true
    }

    private mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
