import Foundation

/// A minimal multipart/form-data reader (RFC 7578): the parts of one body, held in memory.
struct MultipartPart: Sendable {
    var name: String
    var fileName: String?
    var contentType: String?
    var data: Data
}

enum Multipart {
    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(of contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for param in contentType.split(separator: ";").dropFirst() {
            let kv = param.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == "boundary" {
                let b = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return (1...70).contains(b.count) ? b : nil
            }
        }
        return nil
    }

    /// The parts, or nil when the body is not well-formed multipart.
    static func parse(_ body: Data, boundary: String) -> [MultipartPart]? {
        let delimiter = Data("--\(boundary)".utf8)
        let bytes = body
        var parts: [MultipartPart] = []
        guard var start = bytes.range(of: delimiter)?.upperBound else { return nil }
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if bytes[start...].starts(with: Data("--".utf8)) { return parts }
            guard bytes[start...].starts(with: Data("\r\n".utf8)) else { return nil }
            let headStart = start + 2
            guard let headEnd = bytes.range(of: Data("\r\n\r\n".utf8), in: headStart..<bytes.endIndex) else { return nil }
            guard let next = bytes.range(of: Data("\r\n--\(boundary)".utf8), in: headEnd.upperBound..<bytes.endIndex) else { return nil }
            guard let head = String(data: bytes[headStart..<headEnd.lowerBound], encoding: .utf8) else { return nil }
            var name: String?, fileName: String?, type: String?
            for line in head.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = param("name", in: line)
                    fileName = param("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    type = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            guard let name else { return nil }
            parts.append(MultipartPart(name: name, fileName: fileName, contentType: type, data: Data(bytes[headEnd.upperBound..<next.lowerBound])))
            guard parts.count <= 64 else { return nil }
            start = next.upperBound
        }
    }

    static func param(_ key: String, in line: String) -> String? {
        guard let r = line.range(of: "; \(key)=\"") ?? line.range(of: ";\(key)=\"") else { return nil }
        let rest = line[r.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
