import ArgumentParser
import Foundation
import Logging
import LotsCore
import LotsServer
import LotsStore

/// `lots serve`: the citizen HTTP API and web form. DESIGN §10.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the citizen channel: the HTTP API (/v1, /openapi.yaml) and the web form (/ and /en).",
        discussion: """
        Citizens are identified by the region's identity provider's ID token (JWT, RS256 or ES256), checked
        against the keys in --jwks, the issuer --issuer and the audience --audience. --demo adds a demo login to
        the web form (a personnummer, no password); it runs only on a store made by lots demo. Stops gracefully on
        SIGTERM or SIGINT. Logs one line per request to stderr (never patient text).

        Examples:
          lots demo && lots serve --demo                # then open http://127.0.0.1:8177/
          lots serve --jwks idp-keys.json --issuer https://idp.region.example --port 8177
          curl -s http://127.0.0.1:8177/healthz
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one).") var port = 8177
    @Option(help: "The identity provider's public keys, a JWK Set file (RFC 7517).") var jwks: String?
    @Option(help: "The identity provider's issuer (iss) that ID tokens must carry.") var issuer: String?
    @Option(help: "The audience (aud) that ID tokens must carry.") var audience = "lots"
    @Flag(help: "Add the web form's demo login (only on a store made by lots demo).") var demo = false
    @Option(help: "Requests a minute per client address and per citizen or case token before 429.") var rateLimit = 600_000
    @Option(name: .customLong("cors-origin"), help: "An origin allowed by CORS (repeatable); none by default.") var corsOrigins: [String] = []
    @Option(help: "Log level: info (one line a request), notice (refusals and errors only), error.") var logLevel = "info"

    func run() async throws {
        guard (0...65_535).contains(port) else { throw LotsError("port \(port) is out of range", at: "--port", fix: "choose 1 to 65535", code: .usage) }
        guard (1...10_000_000).contains(rateLimit) else {
            throw LotsError("rate limit \(rateLimit) is out of range", at: "--rate-limit", fix: "choose 1 to 10000000 requests a minute", code: .usage)
        }
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw LotsError("unknown log level \"\(SafeText.sanitize(String(logLevel.prefix(20)), keepNewlines: false))\"", at: "--log-level",
                            fix: "use info, notice or error", code: .usage)
        }
        if (jwks == nil) != (issuer == nil) {
            throw LotsError("--jwks and --issuer go together", at: jwks == nil ? "--issuer" : "--jwks",
                            fix: "give both the identity provider's keys and its issuer", code: .usage)
        }
        if jwks == nil && !demo {
            throw LotsError("no way for citizens to log in", at: "serve", fix: "give --jwks FILE --issuer ISS, or --demo on a demo store", code: .usage)
        }
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.audience = audience
        options.demo = demo
        options.rateLimit = rateLimit
        options.corsOrigins = corsOrigins
        if let jwks {
            guard let text = try BoundedInput.file(jwks, limit: 1_000_000, what: "the key set", fix: "give a JWK Set of a few keys")
                .flatMap({ String(data: $0, encoding: .utf8) }) else {
                throw LotsError("cannot read the key set", at: SafeText.sanitize(jwks, keepNewlines: false), fix: "check the path", code: .noInput)
            }
            options.jwksJSON = text
            options.issuer = issuer
        }
        let s = try store.open()
        let engine = try triageEngine(for: s)
        var logger = Logger(label: "lots.serve")
        logger.logLevel = level
        let env = try await ServerEnvironment(store: s, engine: engine, directory: try Embedded.directory(), options: options)
        let log = logger
        try await CitizenServer.run(env, logger: logger) { port in
            log.notice("lots serve listening", metadata: ["address": "\(host):\(port)", "demo": "\(demo)"])
        }
    }
}
