import Foundation
import Hummingbird
import Logging
import LotsCore
import LotsStore

/// Who may act on a case: the same citizen's ID token, the case's own token, or the web form's session.
struct CaseAccess {
    let env: ServerEnvironment

    /// The citizen behind a request (ID token or web session), or nil when the request carries neither.
    /// A bearer that is not a valid ID token is 401.
    func citizen(_ request: Request, context: CitizenContext) async throws -> CitizenIdentity? {
        if let bearer = Self.bearer(request) {
            guard !CaseToken.looksLikeCaseToken(bearer) else { return nil }
            do { return try await env.identity.verify(bearer) } catch let f as AuthFailure {
                throw denied(.unauthorized, f.reason, request, context)
            }
        }
        if let s = session(request) { return CitizenIdentity(personnummer: s.personnummer, name: s.name) }
        return nil
    }

    func session(_ request: Request) -> WebSession? {
        request.cookies[SessionSigner.cookieName].flatMap { env.sessions.decode($0.value) }
    }

    /// Checks that the request may act on case `caseId`; returns the actor for the access log and the key for the
    /// per-token rate limit. 401 without a usable credential, 403 with one that is not this case's, 404 when no such case.
    func authorize(_ request: Request, context: CitizenContext, caseId: Int64) async throws -> (Actor, String) {
        if let bearer = Self.bearer(request), CaseToken.looksLikeCaseToken(bearer) {
            guard let owner = try env.store.caseId(forTokenHash: CaseToken.hash(bearer)) else {
                throw denied(.unauthorized, "the case token is not valid", request, context)
            }
            guard owner == caseId else { throw denied(.forbidden, "the case token belongs to another case", request, context, caseId: caseId) }
            return (Actor(name: "citizen:case-token", role: "citizen"), "case:\(caseId)")
        }
        guard let who = try await citizen(request, context: context) else {
            throw denied(.unauthorized, "missing credentials: send Authorization: Bearer with an ID token or the case token", request, context)
        }
        guard let pnr = try env.store.casePersonnummer(caseId) else {
            throw Problem(.notFound, "no case with id \(caseId) (caseId): use the caseId returned by POST /v1/intakes")
        }
        guard pnr == who.personnummer else { throw denied(.forbidden, "this case is not yours", request, context, caseId: caseId) }
        return (Actor(name: Self.bearer(request) == nil ? "citizen:web-session" : "citizen:id-token", role: "citizen"), "pnr:\(CaseToken.hash(pnr))")
    }

    /// A refusal, logged (address, path and reason; never a token or patient text). A 403 on an existing case is
    /// also written to that case's access log.
    func denied(_ status: HTTPResponse.Status, _ reason: String, _ request: Request, _ context: CitizenContext, caseId: Int64? = nil) -> Problem {
        context.logger.notice("citizen request refused", metadata: [
            "status": "\(status.code)", "reason": "\(reason)", "client": "\(context.clientAddress)",
            "route": "\(context.endpointPath ?? request.uri.path)",
        ])
        if status == .forbidden, let caseId { try? env.store.logCitizenDenied(caseId: caseId, reason: reason) }
        return status == .unauthorized ? Problem.unauthorized(reason) : Problem(status, reason)
    }

    static func bearer(_ request: Request) -> String? {
        guard let h = request.headers[.authorization] else { return nil }
        let parts = h.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        // Trimmed scalar by scalar (tabs and Unicode spaces, as CharacterSet.whitespaces): trimmingCharacters bridged
        // every ID token through NSString (issue 13).
        let scalars = parts[1].unicodeScalars
        let blank = { (u: Unicode.Scalar) in CharacterSet.whitespaces.contains(u) }
        guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else { return nil }
        let t = String(scalars[first...last])
        return t.count > 8_192 ? nil : t
    }
}
