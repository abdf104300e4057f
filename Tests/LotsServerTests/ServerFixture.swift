import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import LotsCore
import LotsFixtures
import LotsServer
import LotsStore
import LotsTestSupport

/// A real `lots serve` in this process on a free port, over a fresh demo store, with an identity provider's key
/// (ES256) for signing ID tokens.
final class ServerFixture: @unchecked Sendable {
    static let directory = try! ProviderDirectory.parse(LotsFixtures.text("providers.yaml"))
    static let engine = TriageEngine(catalog: try! CatalogParser.parse(files: LotsFixtures.catalogFiles()), directory: directory)
    static let issuer = "https://idp.demo.example"
    static let unit = "SE2321000016-DEMO1"

    let store: LotsStore
    let key = P256.Signing.PrivateKey()
    var port = 0
    private var task: Task<Void, Error>?

    init(demo: Bool = true, rateLimit: Int = 60_000) async throws {
        let dir = TestPaths.temporaryDirectory("lots-server")
        store = try LotsStore.open(path: dir.appendingPathComponent("lots.sqlite").path)
        try store.importDirectory(Self.directory)
        try store.mark(kind: demo ? "demo" : "real", by: .system("test"))
        var options = ServerOptions()
        options.port = 0
        options.demo = demo
        options.rateLimit = rateLimit
        options.issuer = Self.issuer
        options.jwksJSON = jwks
        let env = try await ServerEnvironment(store: store, engine: Self.engine, directory: Self.directory, options: options)
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let (ports, got) = AsyncStream<Int>.makeStream()
        task = Task { try await CitizenServer.run(env, logger: logger, signals: false) { got.yield($0) } }
        for await p in ports { port = p; break }
    }

    func stop() async {
        task?.cancel()
        _ = try? await task?.value
    }

    /// The public key as a JWK Set.
    var jwks: String {
        let raw = key.publicKey.rawRepresentation
        let x = Self.b64url(raw.prefix(32)), y = Self.b64url(raw.suffix(32))
        return #"{"keys":[{"kty":"EC","crv":"P-256","kid":"k1","alg":"ES256","use":"sig","x":"\#(x)","y":"\#(y)"}]}"#
    }

    /// An ID token for `pnr`, signed with this fixture's key (or `with` another).
    func token(pnr: String, issuer: String = ServerFixture.issuer, audience: String = "lots", expiresIn: TimeInterval = 600,
               with other: P256.Signing.PrivateKey? = nil, claim: String = "https://id.oidc.se/claim/personalIdentityNumber") -> String {
        let header = Self.b64url(Data(#"{"alg":"ES256","typ":"JWT","kid":"k1"}"#.utf8))
        let payload: [String: Any] = ["iss": issuer, "aud": audience, "exp": Int(Date().timeIntervalSince1970 + expiresIn), "sub": "x", claim: pnr]
        let body = Self.b64url(try! JSONSerialization.data(withJSONObject: payload))
        let input = "\(header).\(body)"
        let sig = try! (other ?? key).signature(for: Data(input.utf8)).rawRepresentation
        return "\(input).\(Self.b64url(sig))"
    }

    static func b64url(_ d: Data) -> String {
        d.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func request(_ method: String, _ path: String, json: Any? = nil, body: Data? = nil, contentType: String? = nil,
                 bearer: String? = nil, cookie: String? = nil) async throws -> Reply {
        var r = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        r.httpMethod = method
        r.timeoutInterval = 20
        if let json { r.httpBody = try JSONSerialization.data(withJSONObject: json); r.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        if let body { r.httpBody = body }
        if let contentType { r.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let bearer { r.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        if let cookie { r.setValue(cookie, forHTTPHeaderField: "Cookie") }
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        let (data, response) = try await session.data(for: r)
        let h = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (k, v) in h.allHeaderFields { headers[String(describing: k).lowercased()] = String(describing: v) }
        return Reply(status: h.statusCode, headers: headers, body: data)
    }

    /// The intake JSON of DESIGN §4 for `pnr`, with optional inline photo.
    static func intake(pnr: String, reason: String = "Ont i halsen sedan tre dagar, feber 38,5", photo: Data? = nil) -> [String: Any] {
        var o: [String: Any] = [
            "citizen": ["personnummer": pnr, "name": "Tolvan Tolvansson"], "channel": "app", "unit": unit,
            "submittedAt": ISOTime.utc(Date().addingTimeInterval(-60)), "reason": reason,
        ]
        if let photo { o["attachments"] = [["fileName": "throat.jpg", "data": photo.base64EncodedString()]] }
        return o
    }

    static let pnr = "19121212-1212"
}

/// Lets a test see a 303 instead of following it.
final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
