import Foundation
import Hummingbird
import LotsCore

/// An error answered as RFC 9457 problem details (`application/problem+json`).
///
/// `detail` is the CLI's one line without the `lots: ` prefix, so HTTP and the command line say the same thing:
/// `{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"missing reason (reason in request body): add \"reason\" to the intake","field":"reason",...}`.
struct Problem: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var detail: String
    /// What was wrong and where (the LotsError's parts), when the problem came from validation.
    var what: String?
    var location: String?
    var fix: String?
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.detail = detail
        self.headers = headers
    }

    /// A validation error with the same text as the command line's.
    init(_ e: LotsError, status: HTTPResponse.Status? = nil) {
        let line = e.line
        self.init(status ?? Self.status(for: e), line.hasPrefix("lots: ") ? String(line.dropFirst(6)) : line)
        what = SafeText.sanitize(e.what, keepNewlines: false)
        location = SafeText.sanitize(e.location, keepNewlines: false)
        fix = SafeText.sanitize(e.fix, keepNewlines: false)
    }

    static func status(for e: LotsError) -> HTTPResponse.Status {
        switch e.code {
        case .noInput: .notFound
        case .denied: .forbidden
        case .usage: .badRequest
        default: .unprocessableContent
        }
    }

    static func unauthorized(_ reason: String) -> Problem {
        Problem(.unauthorized, reason, headers: [.wwwAuthenticate: "Bearer realm=\"lots\""])
    }

    var json: [String: Any] {
        var o: [String: Any] = ["type": "about:blank", "title": status.reasonPhrase, "status": status.code, "detail": detail]
        if let what { o["what"] = what }
        if let location { o["where"] = location }
        if let fix { o["fix"] = fix }
        return o
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var h = headers
        h[.contentType] = "application/problem+json"
        return Response(status: status, headers: h, body: .init(byteBuffer: ByteBuffer(data: JSONOut.data(json))))
    }
}
