import Foundation

/// application/x-www-form-urlencoded bodies, as browsers send them.
enum FormDecoding {
    /// Field values by name (the last one wins); nil when the body is not valid.
    static func parse(_ body: Data) -> [String: String]? {
        guard let text = String(data: body, encoding: .utf8) else { return nil }
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = decode(kv[0]), let value = decode(kv.count > 1 ? kv[1] : "") else { return nil }
            fields[key] = value
        }
        return fields
    }

    static func decode(_ s: Substring) -> String? {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

/// HTML escaping for text and attribute values.
extension String {
    var html: String {
        var out = ""
        out.reserveCapacity(count)
        for ch in self {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
