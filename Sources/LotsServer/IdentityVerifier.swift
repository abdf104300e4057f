import Crypto
import Foundation
import JWTKit
import LotsCore
import Synchronization

/// A citizen as the identity provider vouched for them.
public struct CitizenIdentity: Sendable, Equatable {
    /// The canonical personnummer (or samordningsnummer), YYYYMMDD-NNNN.
    public var personnummer: String
    /// The name the token gives, if any.
    public var name: String?
}

/// Why a bearer token was refused (401), in words safe to return and log.
struct AuthFailure: Error, Sendable {
    var reason: String
}

/// The claims Lots reads from the region's ID token (the Swedish OpenID Connect profile).
struct IDTokenClaims: JWTPayload {
    static let pnrClaim = "https://id.oidc.se/claim/personalIdentityNumber"
    static let coordinationClaim = "https://id.oidc.se/claim/coordinationNumber"

    var iss: IssuerClaim
    var aud: AudienceClaim
    var exp: ExpirationClaim
    var personalIdentityNumber: String?
    var coordinationNumber: String?
    var name: String?

    enum CodingKeys: String, CodingKey {
        case iss, aud, exp, name
        case personalIdentityNumber = "https://id.oidc.se/claim/personalIdentityNumber"
        case coordinationNumber = "https://id.oidc.se/claim/coordinationNumber"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}

/// Verifies ID tokens (JWT, RS256 or ES256) against the identity provider's keys, issuer and audience.
///
/// ```swift
/// let v = try await IdentityVerifier(jwksJSON: jwks, issuer: "https://idp.example", audience: "lots")
/// let who = try await v.verify(token)   // CitizenIdentity, or AuthFailure
/// ```
final class IdentityVerifier: Sendable {
    private let keys: JWTKeyCollection?
    let issuer: String?
    let audience: String
    static let allowedAlgorithms: Set<String> = ["RS256", "ES256"]
    /// Tokens already verified, with their expiry: a citizen's app sends the same ID token with every call (intake,
    /// case, messages, events), and checking its signature and claims again was ~6 % of the server's time per intake
    /// (issue 13). A token is immutable and the keys are fixed for the process, so only `exp` needs checking again.
    private let verified = Mutex<[String: (identity: CitizenIdentity, expires: Date)]>([:])
    static let verifiedLimit = 4_096

    init(jwksJSON: String?, issuer: String?, audience: String) async throws {
        self.issuer = issuer
        self.audience = audience
        guard let jwksJSON else { keys = nil; return }
        let collection = JWTKeyCollection()
        do { _ = try await collection.add(jwksJSON: jwksJSON) } catch {
            throw LotsError("the identity provider's keys cannot be read: \(error)", at: "--jwks",
                            fix: "give a JWK Set (RFC 7517) with RS256 or ES256 public keys")
        }
        keys = collection
    }

    /// True when ID tokens can be checked at all (`--jwks` given).
    var isConfigured: Bool { keys != nil }

    func verify(_ token: String) async throws -> CitizenIdentity {
        guard let keys else { throw AuthFailure(reason: "no identity provider is configured (lots serve --jwks)") }
        // The same test as jwt-kit's exp check (the current time before exp); past it, the full check says why.
        if let hit = verified.withLock({ $0[token] }), Date() < hit.expires { return hit.identity }
        guard let alg = Self.algorithm(of: token), Self.allowedAlgorithms.contains(alg) else {
            throw AuthFailure(reason: "the token is not a JWT signed with RS256 or ES256")
        }
        let claims: IDTokenClaims
        do { claims = try await keys.verify(token, as: IDTokenClaims.self) } catch let e as JWTError {
            if case .claimVerificationFailure = e.errorType { throw AuthFailure(reason: "the token has expired") }
            throw AuthFailure(reason: "the token's signature or claims are invalid")
        } catch {
            throw AuthFailure(reason: "the token's signature or claims are invalid")
        }
        if let issuer, claims.iss.value != issuer { throw AuthFailure(reason: "the token's issuer is not the configured one") }
        guard claims.aud.value.contains(audience) else { throw AuthFailure(reason: "the token is not meant for this service (audience)") }
        guard let text = claims.personalIdentityNumber ?? claims.coordinationNumber,
              let pnr = try? Personnummer(text) else {
            throw AuthFailure(reason: "the token carries no valid personnummer or samordningsnummer")
        }
        let identity = CitizenIdentity(personnummer: pnr.canonical, name: claims.name)
        let now = Date()
        verified.withLock { cache in
            if cache.count >= Self.verifiedLimit { cache = cache.filter { now < $0.value.expires } }
            if cache.count >= Self.verifiedLimit { cache.removeAll() }
            cache[token] = (identity, claims.exp.value)
        }
        return identity
    }

    /// The `alg` of a compact JWS's header, read without verifying (to refuse `none` and HMAC before anything else).
    static func algorithm(of token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Base64URL.decode(String(parts[0])),
              let object = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else { return nil }
        return object["alg"] as? String
    }
}

/// base64url without padding (RFC 4648 §5).
enum Base64URL {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> Data? {
        // Byte by byte: replacingOccurrences went through NSString on every request with an ID token (issue 13).
        var b = Array(text.utf8).map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "+") : $0 == UInt8(ascii: "_") ? UInt8(ascii: "/") : $0 }
        while b.count % 4 != 0 { b.append(UInt8(ascii: "=")) }
        return Data(base64Encoded: Data(b))
    }
}
