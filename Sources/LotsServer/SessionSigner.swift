import Crypto
import Foundation

/// The web form's session: who logged in (and their current case), in an HMAC-signed, HttpOnly, SameSite=Strict cookie.
///
/// The key is made at start-up and never stored, so a restart ends every session; nothing about the session
/// is kept on the server.
struct WebSession: Sendable, Equatable {
    var personnummer: String
    var name: String
    var caseId: Int64?
    var expires: Date
    var demo: Bool
}

final class SessionSigner: Sendable {
    static let cookieName = "lots_session"
    static let lifetime: TimeInterval = 8 * 3600
    private let key = SymmetricKey(size: .bits256)

    func encode(_ s: WebSession) -> String {
        let fields = [s.personnummer, s.name, s.caseId.map(String.init) ?? "", String(Int(s.expires.timeIntervalSince1970)), s.demo ? "1" : "0"]
        let payload = Base64URL.encode(Data(fields.joined(separator: "\u{1F}").utf8))
        return payload + "." + mac(payload)
    }

    func decode(_ cookie: String, now: Date = Date()) -> WebSession? {
        let parts = cookie.split(separator: ".")
        guard parts.count == 2, HMAC<SHA256>.isValidAuthenticationCode(
            Data(Base64URL.decode(String(parts[1])) ?? Data()), authenticating: Data(parts[0].utf8), using: key),
            let data = Base64URL.decode(String(parts[0])), let text = String(data: data, encoding: .utf8) else { return nil }
        let f = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard f.count == 5, let exp = Double(f[3]), Date(timeIntervalSince1970: exp) > now else { return nil }
        return WebSession(personnummer: f[0], name: f[1], caseId: Int64(f[2]), expires: Date(timeIntervalSince1970: exp), demo: f[4] == "1")
    }

    private func mac(_ payload: String) -> String {
        Base64URL.encode(Data(HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)))
    }
}
