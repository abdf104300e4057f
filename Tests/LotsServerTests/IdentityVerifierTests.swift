import Crypto
import Foundation
@testable import LotsServer
import Testing

/// ID tokens: a verified token is remembered only until its `exp`, and a remembered token never lets another through.
struct IdentityVerifierTests {
    let key = P256.Signing.PrivateKey()

    var jwks: String {
        let raw = key.publicKey.rawRepresentation
        let x = ServerFixture.b64url(raw.prefix(32)), y = ServerFixture.b64url(raw.suffix(32))
        return #"{"keys":[{"kty":"EC","crv":"P-256","kid":"k1","alg":"ES256","use":"sig","x":"\#(x)","y":"\#(y)"}]}"#
    }

    func token(pnr: String, expiresIn: TimeInterval, with other: P256.Signing.PrivateKey? = nil) -> String {
        let header = ServerFixture.b64url(Data(#"{"alg":"ES256","typ":"JWT","kid":"k1"}"#.utf8))
        let payload: [String: Any] = ["iss": ServerFixture.issuer, "aud": "lots", "exp": Int(Date().timeIntervalSince1970 + expiresIn),
                                      "https://id.oidc.se/claim/personalIdentityNumber": pnr]
        let input = "\(header).\(ServerFixture.b64url(try! JSONSerialization.data(withJSONObject: payload)))"
        return "\(input).\(ServerFixture.b64url(try! (other ?? key).signature(for: Data(input.utf8)).rawRepresentation))"
    }

    func reason(_ v: IdentityVerifier, _ token: String) async -> String? {
        do { _ = try await v.verify(token); return nil } catch let f as AuthFailure { return f.reason } catch { return "\(error)" }
    }

    @Test func aRememberedTokenStillExpires() async throws {
        let v = try await IdentityVerifier(jwksJSON: jwks, issuer: ServerFixture.issuer, audience: "lots")
        // `exp` is whole seconds (truncated), so "in 3 s" is 2–3 s away: valid for the two checks even on a loaded
        // machine (with 1 s it could already have passed, a flake CI met), expired after 3.1 s.
        let t = token(pnr: "19121212-1212", expiresIn: 3)
        #expect(try await v.verify(t).personnummer == "19121212-1212")
        #expect(try await v.verify(t).personnummer == "19121212-1212")  // from memory
        try await Task.sleep(for: .milliseconds(3_100))
        #expect(await reason(v, t) == "the token has expired")
    }

    @Test func aRememberedTokenLetsNoOtherThrough() async throws {
        let v = try await IdentityVerifier(jwksJSON: jwks, issuer: ServerFixture.issuer, audience: "lots")
        let good = token(pnr: "19121212-1212", expiresIn: 600)
        #expect(try await v.verify(good).personnummer == "19121212-1212")
        #expect(await reason(v, token(pnr: "19121212-1212", expiresIn: 600, with: P256.Signing.PrivateKey())) == "the token's signature or claims are invalid")
        var tampered = Array(good.utf8)
        tampered[tampered.count - 3] = tampered[tampered.count - 3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(await reason(v, String(decoding: tampered, as: UTF8.self)) == "the token's signature or claims are invalid")
    }
}
