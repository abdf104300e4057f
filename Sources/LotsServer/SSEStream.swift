import Foundation
import Hummingbird
import LotsCore
import LotsStore

/// `GET /v1/cases/{id}/events`: Server-Sent Events of one case (staff and system messages, status, forwarded, closed).
///
/// With `Last-Event-ID` (a message id), the messages after it are sent first, so a reconnecting browser misses nothing.
/// A comment line every 15 s keeps proxies from closing an idle stream and tells the server when the client left.
struct SSEStream {
    let env: ServerEnvironment
    static let heartbeat: Duration = .seconds(15)

    func open(_ request: Request, _ context: CitizenContext, access: CaseAccess) async throws -> Response {
        let id = try APIRoutes.caseId(context)
        let (_, key) = try await access.authorize(request, context: context, caseId: id)
        let (ok, wait) = env.limiter.allow(key)
        guard ok else { throw Problem(.tooManyRequests, "too many requests for this citizen or case: wait \(wait) s", headers: [.retryAfter: "\(wait)"]) }
        let stream = env.events.subscribe(caseId: id)
        var found: [Message] = []
        if let last = request.headers[.init("Last-Event-ID")!].flatMap({ Int64($0) }), last > 0 {
            found = try env.store.citizenVisibleMessages(caseId: id).filter { $0.id > last && $0.author != .citizen }
        }
        let replay = found
        let items = merge(stream, every: Self.heartbeat)
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 3000\n: lots events for one case\n\n"))
            for m in replay { try await writer.write(ByteBuffer(string: Self.frame(message: m))) }
            for await item in items {
                switch item {
                case .event(let e): try await writer.write(ByteBuffer(string: Self.frame(e)))
                case .beat: try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store", .init("X-Accel-Buffering")!: "no"], body: body)
    }

    enum Item: Sendable { case event(CitizenEvent), beat }

    static func frame(_ e: CitizenEvent) -> String {
        if let m = e.message { return frame(message: m) }
        let data = String(decoding: JSONOut.data(["caseId": e.caseId, "status": e.status ?? ""]), as: UTF8.self)
        return "event: \(e.kind.rawValue)\ndata: \(data)\n\n"
    }

    static func frame(message m: Message) -> String {
        // JSON has no raw newlines, so one data line holds it.
        let data = String(decoding: JSONOut.data(APIRoutes.messageJSON(m)), as: UTF8.self)
        return "id: \(m.id)\nevent: message\ndata: \(data)\n\n"
    }
}

/// Events and a heartbeat every `interval` as one sequence; dropping it stops both.
private func merge(_ events: AsyncStream<CitizenEvent>, every interval: Duration) -> AsyncStream<SSEStream.Item> {
    AsyncStream { continuation in
        let a = Task { for await e in events { continuation.yield(.event(e)) }; continuation.finish() }
        let b = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                continuation.yield(.beat)
            }
        }
        continuation.onTermination = { _ in a.cancel(); b.cancel() }
    }
}
