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
struct QuietServer {
    let router: Router<SimulatorRequestContext>
    let server: HTTPServerBuilder
    let address: BindAddress
    let onServerRunning: @Sendable (any Channel) async -> Void

    /// Serves until the task running it is cancelled.
    func run() async throws {
        let responder = router.buildResponder()
        let logger = Logger(label: "chargeye.simulator", factory: { _ in SwiftLogNoOpLogHandler() })
        let dates = DateHeader()
        let running = onServerRunning
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
        } onServerRunning: { await running($0) }
        try await ServiceGroup(configuration: .init(services: [service], logger: logger)).run()
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
