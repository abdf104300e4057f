import Foundation
import Hummingbird
import Logging

/// Security headers on every response: a strict CSP (no inline script, no framing), nosniff, no referrer, and
/// no caching of anything that may hold patient data.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = CitizenContext
    static let csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do { response = try await next(request, context) } catch let p as Problem {
            response = try p.response(from: request, context: context)
        } catch let e as HTTPError {
            response = try Problem(e.status, e.body ?? e.status.reasonPhrase, headers: e.headers).response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.csp
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Requests a minute per client address, before anything else is done for the request.
struct AddressRateLimitMiddleware: RouterMiddleware {
    typealias Context = CitizenContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let (ok, wait) = limiter.allow("addr:\(context.clientAddress)")
        guard ok else {
            context.logger.notice("rate limit", metadata: ["client": "\(context.clientAddress)", "route": "\(request.uri.path.prefix(60))"])
            throw Problem(.tooManyRequests, "too many requests from this address: wait \(wait) s", headers: [.retryAfter: "\(wait)"])
        }
        return try await next(request, context)
    }
}

/// One structured log line per request: method, route pattern, status, duration, client. Never a body, a query
/// or a token; the route is the pattern (`/v1/cases/{id}`), so no identifier from the URL is logged either.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = CitizenContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let ms = (ContinuousClock.now - start).components.attoseconds / 1_000_000_000_000_000 + (ContinuousClock.now - start).components.seconds * 1000
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)", "route": "\(context.endpointPath ?? "-")", "status": "\(response.status.code)",
            "ms": "\(ms)", "client": "\(context.clientAddress)",
        ])
        return response
    }
}

/// CORS only for the origins given with --cors-origin; none by default.
struct CORSAllowListMiddleware: RouterMiddleware {
    typealias Context = CitizenContext
    let origins: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], origins.contains(origin) else { return try await next(request, context) }
        var response: Response
        if request.method == .options {
            response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = "GET, POST"
            response.headers[.accessControlAllowHeaders] = "Authorization, Content-Type, Last-Event-ID"
            response.headers[.accessControlMaxAge] = "600"
        } else {
            response = try await next(request, context)
        }
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
        return response
    }
}
