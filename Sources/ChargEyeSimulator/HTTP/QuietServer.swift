import ChargEyeAPI
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle
import Synchronization

/// Runs the simulator's router on Hummingbird's HTTP server as `Application.run()` does, less
/// the service `Application` always adds to refresh its `Date` header every second: with it,
/// an embedded simulator (`--demo`) woke several times a second and was never idle. Here each
/// response's `Date` is formatted when it goes out, once per second at most. Hand-written
/// because Hummingbird has no way to leave that service out; the server, its channel setup
/// and the router are Hummingbird's own.
///
/// It stops gracefully: the listening socket closes first, every connection already accepted
/// is still served, then idle connections close. Cancelling the serving task instead can drop
/// a connection NIO has accepted but not yet handed over, which traps in SwiftNIO ("Deinited
/// NIOAsyncWriter without calling finish()", apple/swift-nio#3481); a graceful stop drains them.
struct QuietServer: Sendable {
    private let group: ServiceGroup

    /// How long a graceful stop waits for requests still in progress (a fault's delay, say)
    /// before they are cancelled.
    static let drainLimit: Duration = .seconds(1)

    init(
        router: Router<SimulatorRequestContext>,
        server: HTTPServerBuilder,
        address: BindAddress,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void
    ) throws {
        let responder = router.buildResponder()
        let logger = Logger(label: "chargeye.simulator", factory: { _ in SwiftLogNoOpLogHandler() })
        let dates = DateHeader()
        let service = try server.buildServer(
            configuration: ServerConfiguration(address: address),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger
        ) { (request, writer: consuming ResponseWriter, channel) in
            let context = SimulatorRequestContext(source: .init(channel: channel, logger: logger))
            var response: Response
            do {
                response = try await responder.respond(to: request, context: context)
            } catch let error as HTTPParserError {
                throw error
            } catch {
                response = Response(status: .internalServerError)
            }
            response.headers[.date] = dates.now()
            try await writer.write(response: response.head, body: response.body)
        } onServerRunning: { await onServerRunning($0) }
        var configuration = ServiceGroupConfiguration(services: [service], logger: logger)
        configuration.maximumGracefulShutdownDuration = Self.drainLimit
        group = ServiceGroup(configuration: configuration)
    }

    /// Serves until `stop()`.
    func run() async throws {
        try await group.run()
    }

    /// Starts a graceful stop and returns at once; `run()` returns when it is done.
    func stop() async {
        await group.triggerGracefulShutdown()
    }
}

/// The `Date` header's text for now, formatted again only when the second changes.
private final class DateHeader: Sendable {
    private let last = Mutex<(second: Int, text: String)>((-1, ""))

    func now() -> String {
        let second = Int(Date().timeIntervalSince1970)
        return last.withLock { last in
            if last.second != second { last = (second, HTTPDate.format(Date(timeIntervalSince1970: Double(second)))) }
            return last.text
        }
    }
}
