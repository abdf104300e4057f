import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
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

    /// One HTTP/1.1 request over a plain socket (`Connection: close`, read to the end). Not URLSession: its async
    /// bridge on Linux can deadlock when a test's time limit cancels it.
    func request(_ method: String, _ path: String, json: Any? = nil, body: Data? = nil, contentType: String? = nil,
                 bearer: String? = nil, cookie: String? = nil) async throws -> Reply {
        var payload = body ?? Data()
        var type = contentType
        if let json { payload = try JSONSerialization.data(withJSONObject: json); type = type ?? "application/json" }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: \(payload.count)\r\n"
        if let type { head += "Content-Type: \(type)\r\n" }
        if let bearer { head += "Authorization: Bearer \(bearer)\r\n" }
        if let cookie { head += "Cookie: \(cookie)\r\n" }
        // On a thread of its own: a blocking read on one of the few cooperative threads would starve the server's
        // own handlers, which run on them too.
        let request = Data((head + "\r\n").utf8) + payload, port = self.port
        let raw: Data = try await withCheckedThrowingContinuation { c in
            Thread.detachNewThread { c.resume(with: Result { try Self.exchange(port: port, request: request) }) }
        }
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)),
              let headText = String(data: raw[..<split.lowerBound], encoding: .utf8) else { throw CocoaError(.fileReadCorruptFile) }
        let lines = headText.components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for l in lines.dropFirst() {
            guard let colon = l.firstIndex(of: ":") else { continue }
            headers[l[..<colon].lowercased()] = l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: Data(raw[split.upperBound...]))
    }

    /// Sends `request` and reads until the server closes, with a 20 s receive timeout.
    static func exchange(port: Int, request: Data) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard ok == 0 else { throw POSIXError(.ECONNREFUSED) }
        try request.withUnsafeBytes { buf in
            var sent = 0
            while sent < buf.count {
                let n = send(fd, buf.baseAddress! + sent, buf.count - sent, 0)
                guard n > 0 else { throw POSIXError(.EPIPE) }
                sent += n
            }
        }
        var out = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
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

