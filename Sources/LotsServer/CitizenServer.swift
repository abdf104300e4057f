import Foundation
import Hummingbird
import Logging
import LotsCore
import LotsStore
import ServiceLifecycle

/// `lots serve`: the citizen channel. Builds the router (middleware first) and the application, as Hummingbird's
/// template does.
///
/// ```swift
/// let env = try await ServerEnvironment(store: store, engine: engine, directory: directory, options: options)
/// try await CitizenServer.buildApplication(env, logger: logger).runService()   // until SIGTERM or SIGINT
/// ```
public enum CitizenServer {
    static func buildRouter(_ env: ServerEnvironment) -> Router<CitizenContext> {
        let router = Router(context: CitizenContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: AccessLogMiddleware())
        if !env.options.corsOrigins.isEmpty { router.add(middleware: CORSAllowListMiddleware(origins: Set(env.options.corsOrigins))) }
        router.add(middleware: AddressRateLimitMiddleware(limiter: env.limiter))
        APIRoutes(env: env).register(on: router)
        BookingRoutes(env: env).register(on: router)
        WebForm(env: env).register(on: router)
        WebBooking(env: env).register(on: router)
        return router
    }

    /// The HTTP application. `onRunning` gets the bound port (useful with port 0).
    static func buildApplication(_ env: ServerEnvironment, logger: Logger,
                                        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: buildRouter(env),
            configuration: .init(address: .hostname(env.options.host, port: env.options.port), serverName: "lots"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Serves until SIGTERM or SIGINT (or until the task is cancelled), then shuts down gracefully: the event feed
    /// stops first and ends every open event stream, so the HTTP server can finish its requests and close.
    public static func run(_ env: ServerEnvironment, logger: Logger, signals: Bool = true,
                           onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = buildApplication(env, logger: logger, onRunning: onRunning)
        // Shut down in reverse order: the feed (and its streams) before the server.
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: app), .init(service: EventFeedService(hub: env.events, logger: logger))],
            gracefulShutdownSignals: signals ? [.sigterm, .sigint] : [],
            logger: logger))
        try await group.run()
    }
}

/// Runs the event hub's store watcher until graceful shutdown.
struct EventFeedService: Service {
    let hub: EventHub
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown { await hub.run(logger: logger) }
    }
}
