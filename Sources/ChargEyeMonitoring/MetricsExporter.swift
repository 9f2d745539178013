import Foundation
import Hummingbird
import Logging
import NIOCore

/// `chargeye exporter`: serves `/metrics` for Prometheus from `FleetReadings`, plus `/healthz`
/// (the exporter itself is up) and an index page at `/`.
public struct MetricsExporter: Sendable {
    /// The media type of the text exposition format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    let readings: FleetReadings
    let metrics: FleetMetrics

    public init(readings: FleetReadings, metrics: FleetMetrics) {
        self.readings = readings
        self.metrics = metrics
    }

    /// Listens on `host:port` (port 0 picks one) and calls `listening` with the bound port
    /// once it accepts connections; returns when the task is cancelled.
    public func run(host: String, port: Int, listening: @escaping @Sendable (Int) -> Void) async throws {
        let router = Router()
        router.get("/metrics") { _, _ -> Response in
            let text = metrics.exposition(await readings.current())
            return Response(
                status: .ok, headers: [.contentType: Self.contentType],
                body: .init(byteBuffer: ByteBuffer(string: text))
            )
        }
        router.get("/healthz") { _, _ -> Response in
            Self.text("ok\n")
        }
        router.get("/") { _, _ -> Response in
            Self.text("chargeye exporter\n\n/metrics  the fleet in the Prometheus text format\n/healthz  200 while the exporter runs\n")
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in listening(channel.localAddress?.port ?? port) },
            logger: Logger(label: "chargeye.exporter", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        try await app.run()
    }

    private static func text(_ body: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
