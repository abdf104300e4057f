import Hummingbird
import Logging
import NIOCore

/// The request context of the citizen channel: who sent the request (address) for rate limits and logs.
struct CitizenContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's IP address, without port.
    let clientAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// A body may hold a few photos as base64; each photo is still held to 10 MB when decoded.
    var maxUploadSize: Int { RequestLimits.maxBody }
}

enum RequestLimits {
    /// The largest request body: the intake JSON (1 MB, as `lots intake`) plus up to 10 MB of photos in base64 or
    /// multipart with a margin. Larger bodies are answered 413 before they are read.
    static let maxBody = 16 * 1024 * 1024
    /// Bodies of the small JSON calls (triage, messages, read receipts).
    static let maxSmallBody = 64 * 1024
}
