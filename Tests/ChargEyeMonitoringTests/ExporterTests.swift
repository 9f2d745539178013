import ChargEyeAPI
import ChargEyeMonitoring
import ChargEyeSimulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Testing

/// The exporter over real HTTP: scrapes share reads, failures answer `chargeye_up 0`.
@Suite("Metrics exporter", .serialized, .timeLimit(.minutes(2)))
struct ExporterTests {
    @Test("scrapes within the cache age share one read; concurrent scrapes share one in flight")
    func sharing() async throws {
        let reads = Mutex(0)
        let readings = FleetReadings(maxAge: 60) {
            reads.withLock { $0 += 1 }
            try await Task.sleep(for: .milliseconds(100))
            return FleetStations(collecting: Stations.fleet, source: .unfiltered)
        }
        async let first = readings.current()
        async let second = readings.current()
        _ = await (first, second)
        _ = await readings.current()
        #expect(reads.withLock { $0 } == 1)
    }

    @Test("an old reading is read again; a failed read keeps when the last one worked")
    func expiry() async throws {
        let clock = Mutex(Date(timeIntervalSince1970: 1_000))
        let failing = Mutex(false)
        let readings = FleetReadings(maxAge: 15, now: { clock.withLock { $0 } }) {
            if failing.withLock({ $0 }) { throw ChargEyeError.http(.init(request: .init(method: "GET", path: "/stations"), status: 502)) }
            return FleetStations(collecting: Stations.fleet, source: .unfiltered)
        }
        #expect(await readings.current().fleet != nil)
        clock.withLock { $0 += 16 }
        failing.withLock { $0 = true }
        let failed = await readings.current()
        #expect(failed.fleet == nil && failed.lastSuccess == Date(timeIntervalSince1970: 1_000))
        #expect(await readings.reads == 2)
    }

    @Test("GET /metrics from the simulator's fleet, /healthz, and up 0 while the API fails")
    func http() async throws {
        var configuration = Simulator.Configuration()
        configuration.locations = 5
        let simulator = try await Simulator.start(configuration)
        let client = try simulator.client { $0.retryPolicy = .none }
        let readings = FleetReadings(maxAge: 0) { try await client.fleetStations() }
        let exporter = MetricsExporter(readings: readings, metrics: FleetMetrics())
        let port = AsyncStream.makeStream(of: Int.self)
        let server = Task {
            // A server that fails to start ends the stream, so the test fails instead of waiting.
            defer { port.continuation.finish() }
            try await exporter.run(host: "127.0.0.1", port: 0) { port.continuation.yield($0) }
        }
        defer { server.cancel() }
        var ports = port.stream.makeAsyncIterator()
        let bound = try #require(await ports.next())
        func get(_ path: String) async throws -> (Int, String, String?) {
            let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(bound)\(path)")!)
            let http = try #require(response as? HTTPURLResponse)
            return (http.statusCode, String(decoding: data, as: UTF8.self), http.value(forHTTPHeaderField: "Content-Type"))
        }
        let (status, body, type) = try await get("/metrics")
        #expect(status == 200 && type == MetricsExporter.contentType)
        #expect(body.contains("\nchargeye_up 1.0") || body.hasPrefix("chargeye_up 1.0"))
        #expect(body.contains("chargeye_stations{"))
        #expect(try await get("/healthz").1 == "ok\n")
        simulator.addFault(FaultRule(path: "/stations", status: 503))
        let (failedStatus, failedBody, _) = try await get("/metrics")
        #expect(failedStatus == 200)
        #expect(failedBody.contains("chargeye_up 0.0") && failedBody.contains("chargeye_last_error_http_status 503.0"))
        await simulator.stop()
    }
}
