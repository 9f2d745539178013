@testable import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Synchronization
import Testing

/// Reading the whole fleet over real loopback HTTP: one call, or location by location when
/// the server refuses that, never more than 4 at once and never past the limit.
@Suite("Reading the fleet", .serialized, .timeLimit(.minutes(2)))
struct FleetReadTests {
    func withSimulator(
        requireFilter: Bool = false, rules: [FaultRule] = [], latencyMs: Int = 0,
        _ body: (Simulator) async throws -> Void
    ) async throws {
        var configuration = Simulator.Configuration()
        configuration.locations = 12
        configuration.requireStationFilter = requireFilter
        configuration.faults = FaultSettings(latencyMs: latencyMs, rules: rules)
        let simulator = try await Simulator.start(configuration)
        do { try await body(simulator) } catch {
            await simulator.stop()
            throw error
        }
        await simulator.stop()
    }

    @Test("a server that lists the fleet: one GET /stations, the same stations as location by location")
    func unfiltered() async throws {
        try await withSimulator { simulator in
            let client = try simulator.client()
            let fleet = try await client.fleetStations()
            #expect(fleet.source == .unfiltered && fleet.gaps.isEmpty)
            var perLocation: [String] = []
            for location in try await client.locations() {
                perLocation += try await client.stations(locationUid: location.id).map(\.stationId)
            }
            #expect(fleet.stations.map(\.stationId) == perLocation)
            #expect(simulator.requestCounts["/stations"] == 1 + 12)
        }
    }

    @Test("a server that refuses it: location by location, at most 4 in flight, with progress to the end")
    func fallback() async throws {
        try await withSimulator(requireFilter: true, latencyMs: 40) { simulator in
            let inFlight = InFlight()
            let client = try ChargEyeClient(
                configuration: try simulator.client().configuration,
                transport: CountingTransport(inner: BoundedHTTPTransport(timeout: 10, maxResponseBytes: 64 << 20), inFlight: inFlight)
            )
            let progress = Mutex<[FleetProgress]>([])
            let fleet = try await client.fleetStations { report in progress.withLock { $0.append(report) } }
            #expect(fleet.source == .perLocation(locations: 12) && fleet.gaps.isEmpty)
            #expect(Set(fleet.stations.compactMap(\.locationUid)).count == 12)
            #expect(inFlight.peak == 4, "peak \(inFlight.peak)")
            let reports = progress.withLock { $0 }
            #expect(reports.first == FleetProgress(done: 0, total: 12) && reports.last == FleetProgress(done: 12, total: 12))
            #expect(fleet.locationNames.count == 12)
        }
    }

    @Test("past the limit it stops before the first per-location call and says why")
    func limit() async throws {
        try await withSimulator(requireFilter: true) { simulator in
            let client = try simulator.client()
            await #expect {
                try await client.fleetStations(policy: .init(locationLimit: 11, concurrency: 4))
            } throws: { error in
                guard case .fleetTooLarge(let failure) = error as? ChargEyeError else { return false }
                return failure.locations == 12 && failure.limit == 11 && failure.refusal.status == 400
                    && "\(error)".contains("locationUid or stationIds is required") && "\(error)".contains("--fleet-limit")
            }
            #expect(simulator.requestCounts["/stations"] == 1)
        }
    }

    @Test("a location that fails is a gap; the rest are read")
    func gap() async throws {
        try await withSimulator(requireFilter: true) { simulator in
            let client = try simulator.client { $0.retryPolicy = .none }
            let victim = try await client.locations()[3].id
            simulator.addFault(FaultRule(path: "/stations?locationUid=\(victim)", status: 503))
            let fleet = try await client.fleetStations()
            #expect(fleet.gaps.map(\.locationUid) == [victim] && fleet.isIncomplete)
            #expect(Set(fleet.stations.compactMap(\.locationUid)).count == 11)
        }
    }

    @Test("when the first locations all fail the same way, the read stops there instead of trying every location")
    func firstWaveFails() async throws {
        try await withSimulator(requireFilter: true) { simulator in
            let client = try simulator.client { $0.retryPolicy = .none }
            simulator.addFault(FaultRule(path: "/stations?locationUid=*", status: 403))
            await #expect(throws: ChargEyeError.self) { try await client.fleetStations() }
            let calls = simulator.requestCounts["/stations"] ?? 0
            #expect(calls <= 1 + 4 + 3, "\(calls) calls: the first 4 locations and those already started")
        }
    }

    @Test("stations a location's answer leaves without their location are placed there")
    func placesStations() {
        let bare = Station(stationId: "S1")
        let placed = ChargEyeClient.placed(bare, at: "L1", named: "Depot")
        #expect(placed.locationUid == "L1" && placed.location?.name == "Depot")
        var elsewhere = bare
        elsewhere.locationUid = "L2"
        #expect(ChargEyeClient.placed(elsewhere, at: "L1", named: "Depot").locationUid == "L2")
        #expect(ChargEyeClient.placed(elsewhere, at: "L1", named: "Depot").location == nil)
    }

    @Test("network and server failures of the unfiltered call are not a reason to storm")
    func noFallbackOnOutage() async throws {
        try await withSimulator(rules: [FaultRule(path: "/stations", status: 503)]) { simulator in
            let client = try simulator.client { $0.retryPolicy = .none }
            await #expect(throws: ChargEyeError.self) { try await client.fleetStations() }
            #expect(simulator.requestCounts["/locations"] == nil)
        }
    }
}

/// Counts requests in flight through the transport.
final class InFlight: Sendable {
    private let counts = Mutex((now: 0, peak: 0))
    var peak: Int { counts.withLock { $0.peak } }
    func enter() { counts.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) } }
    func leave() { counts.withLock { $0.now -= 1 } }
}

struct CountingTransport: ClientTransport {
    let inner: any ClientTransport
    let inFlight: InFlight

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        inFlight.enter()
        defer { inFlight.leave() }
        return try await inner.send(request, body: body, baseURL: baseURL, operationID: operationID)
    }
}
