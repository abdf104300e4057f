import Foundation
import LotsCore

/// Reads an intake sent over HTTP with the same validation and error texts as `lots intake`.
///
/// Two forms: JSON whose attachments carry their bytes inline (`{"fileName": "throat.jpg", "data": "<base64>"}`),
/// or multipart/form-data with the intake JSON in the part `intake` and each photo as a file part that the JSON
/// names (`"attachments": [{"path": "throat.jpg"}]`).
enum HTTPIntake {
    static let source = "request body"

    static func parse(body: Data, contentType: String, now: Date = Date()) throws -> Intake {
        if let boundary = Multipart.boundary(of: contentType) {
            guard let parts = Multipart.parse(body, boundary: boundary) else {
                throw LotsError("the multipart body is malformed", at: source, fix: "send multipart/form-data with a part named intake")
            }
            guard let json = parts.first(where: { $0.name == "intake" && $0.fileName == nil }) else {
                throw LotsError("missing the part \"intake\"", at: source, fix: "send the intake JSON in a form field named intake")
            }
            var files: [String: Data] = [:]
            for p in parts where p.fileName != nil { files[p.fileName!] = p.data }
            let parser = IntakeParser(source: source, now: now) { path in
                guard let d = files[path] else { throw CocoaError(.fileReadNoSuchFile) }
                return d
            }
            return try parser.parse(json.data)
        }
        guard contentType.lowercased().hasPrefix("application/json") else {
            throw LotsError("unsupported content type \"\(SafeText.sanitize(String(contentType.prefix(60)), keepNewlines: false))\"",
                            at: source, fix: "send application/json, or multipart/form-data with a part named intake")
        }
        return try parseJSON(body, now: now)
    }

    /// JSON with inline attachments: the bytes are taken out, the rest goes through `IntakeParser` unchanged.
    static func parseJSON(_ body: Data, now: Date) throws -> Intake {
        let plain = IntakeParser(source: source, now: now) { _ in throw CocoaError(.fileReadNoSuchFile) }
        // Anything that is not a JSON object with a list of attachments: the parser's own errors, word for word.
        guard body.count <= RequestLimits.maxBody, String(validating: body, as: UTF8.self) != nil,
              let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              JSONDuplicateKeys.first(in: body) == nil,
              let list = root["attachments"] as? [Any], !list.isEmpty else {
            if body.count > IntakeParser.maxJSONBytes {
                throw LotsError("intake is \(body.count) bytes, over the \(IntakeParser.maxJSONBytes)-byte limit without its photos", at: source,
                                fix: "keep the text under 1 MB; each photo may be up to 10 MB")
            }
            return try plain.parse(body)
        }
        var rest = root
        var files: [String: Data] = [:]
        var paths: [Any] = []
        for (i, item) in list.prefix(IntakeParser.maxAttachments).enumerated() {
            guard let o = item as? [String: Any], o["data"] != nil || o["fileName"] != nil else { paths.append(item); continue }
            let field = "attachments[\(i)]"
            if let unknown = o.keys.filter({ !["fileName", "data", "contentType"].contains($0) }).sorted().first {
                throw LotsError("unknown field \"\(SafeText.sanitize(String(unknown.prefix(40)), keepNewlines: false))\"", at: "\(field) in \(source)",
                                fix: "use only fileName, data (base64) and contentType")
            }
            guard let name = o["fileName"] as? String, !name.isEmpty, name.count <= 200, !name.contains("/"), !name.contains("\u{0}") else {
                throw LotsError("missing or invalid \(field).fileName", at: "\(field).fileName in \(source)", fix: "give the photo's file name, e.g. throat.jpg")
            }
            guard let text = o["data"] as? String else {
                throw LotsError("missing \(field).data", at: "\(field).data in \(source)", fix: "send the photo's bytes as base64 text")
            }
            guard text.count <= (ImageInspector.maxBytes / 3 + 1) * 4 + 4 else {
                throw LotsError("image is over the 10 MB limit", at: "\(field).data in \(source)", fix: "attach a smaller photo (at most 10 MB)")
            }
            guard let bytes = Data(base64Encoded: text, options: .ignoreUnknownCharacters), !bytes.isEmpty else {
                throw LotsError("\(field).data is not base64", at: "\(field).data in \(source)", fix: "encode the photo's bytes as base64")
            }
            let key = files[name] == nil ? name : "\(i)-\(name)"
            files[key] = bytes
            paths.append(["path": key])
        }
        paths.append(contentsOf: list.dropFirst(IntakeParser.maxAttachments))
        rest["attachments"] = paths
        let json = try JSONSerialization.data(withJSONObject: rest)
        let parser = IntakeParser(source: source, now: now) { path in
            guard let d = files[path] else {
                throw LotsError("no such photo in the request", at: path, fix: "send the photo inline as {\"fileName\": …, \"data\": base64}")
            }
            return d
        }
        return try parser.parse(json)
    }
}
