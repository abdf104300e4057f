import Foundation
import LotsCore
import LotsStore

/// How `lots serve` runs: where it listens, whom it trusts, how hard it limits.
public struct ServerOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8177
    /// The identity provider's signing keys (RFC 7517 JSON), its issuer and the audience expected in ID tokens.
    public var jwksJSON: String?
    public var issuer: String?
    public var audience = "lots"
    /// The web form's demo login (a personnummer, no password): only on a store made by `lots demo`.
    public var demo = false
    /// Requests a minute per client address and per token before 429.
    public var rateLimit = 600_000
    /// Origins allowed by CORS; none by default.
    public var corsOrigins: [String] = []
    /// The unit a web-form intake goes to when the citizen picks none.
    public var defaultUnit: String?

    public init() {}
}

/// Everything a request handler needs: the store, the triage engine, identity and limits.
public struct ServerEnvironment: Sendable {
    public let store: LotsStore
    public let engine: TriageEngine
    public let directory: ProviderDirectory
    public let options: ServerOptions
    let identity: IdentityVerifier
    let sessions: SessionSigner
    let limiter: RateLimiter
    let events: EventHub
    let intakes: IntakeWriter

    /// Builds the environment; throws a `LotsError` when `--demo` is asked of a real store or the keys are unusable.
    public init(store: LotsStore, engine: TriageEngine, directory: ProviderDirectory, options: ServerOptions) async throws {
        self.store = store
        self.engine = engine
        self.directory = directory
        self.options = options
        if options.demo, try store.kind() != "demo" {
            throw LotsError("--demo runs only on a store made by lots demo", at: "--demo",
                            fix: "serve a demo store (lots demo --db PATH), or leave out --demo and use --jwks", code: .denied)
        }
        identity = try await IdentityVerifier(jwksJSON: options.jwksJSON, issuer: options.issuer, audience: options.audience)
        sessions = SessionSigner()
        limiter = RateLimiter(perMinute: options.rateLimit)
        events = try EventHub(store: store)
        intakes = IntakeWriter(store: store)
    }
}
