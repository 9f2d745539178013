import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Testing

/// `chargeye stations` without a location lists the fleet in one call; `--status` narrows it.
@Suite("Fleet-wide stations on the command line", .serialized)
struct FleetStationsTests {
    let runner: CommandRunner

    init() throws {
        runner = try .inTemporaryHome("fleet")
    }

    private func withSimulator(_ body: (Simulator, CommandRunner) async throws -> Void) async throws {
        try await runner.withSimulator({ $0.locations = 12 }, body)
    }

    private func rows(_ csv: String) -> [[String]] {
        csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("without a location: every station of every location, in one request, with where it is")
    func fleet() async throws {
        try await withSimulator { simulator, runner in
            simulator.resetRequestCounts()
            let fleet = try await runner.run(["stations", "--format", "csv"])
            #expect(fleet.status == 0, "\(fleet.stderr)")
            #expect(simulator.requestCounts["/stations"] == 1)
            // The same stations as asking location by location (in-process: one binary run is enough).
            let client = try simulator.client()
            var perLocation: [String] = []
            for location in try await client.locations() {
                perLocation += try await client.stations(locationUid: location.id).map(\.stationId)
            }
            #expect(rows(fleet.stdout).map { $0[0] } == perLocation && perLocation.count > 12)
            let table = try await runner.run(["stations"])
            #expect(table.stdout.split(separator: "\n").first?.contains("LOCATION") == true)
        }
    }

    @Test("--status keeps stations with that station, online or connector status, in any case")
    func status() async throws {
        try await withSimulator { _, runner in
            let all = rows(try await runner.run(["stations", "--format", "csv"]).stdout)
            let offline = try await runner.run(["stations", "--status", "OFFLINE", "--format", "csv"])
            #expect(offline.status == 0, "\(offline.stderr)")
            #expect(rows(offline.stdout).allSatisfy { $0[3] == "Offline" })
            #expect(rows(offline.stdout).count == all.filter { $0[3] == "Offline" }.count)
            let charging = rows(try await runner.run(["stations", "--status", "charging, faulted", "--format", "csv"]).stdout)
            #expect(!charging.isEmpty && charging.count < all.count)
            let json = try await runner.run(["stations", "--status", "offline", "--format", "json"])
            let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(items.count == rows(offline.stdout).count && items.allSatisfy { $0["onlineStatus"] as? String == "Offline" })
        }
    }

    @Test("JSON of the whole fleet is lossless: members chargeye does not know are printed as sent")
    func losslessFleetJSON() async throws {
        try await withSimulator { _, runner in
            let json = try await runner.run(["stations", "--format", "json"])
            #expect(json.status == 0, "\(json.stderr)")
            let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            // The simulator adds ocppVersion to some stations and evseUid to some connectors.
            #expect(items.contains { $0["ocppVersion"] as? String == "2.0.1" })
            let connectors = items.flatMap { ($0["connectors"] as? [[String: Any]]) ?? [] }
            #expect(connectors.contains { $0["evseUid"] as? String == "FI*KEM*E0001" })
        }
    }

    @Test("an empty --status list and --assets without a location are usage errors")
    func usage() async throws {
        let empty = try await runner.run(["stations", "--status", " , ", "--demo"])
        #expect(empty.status == 2 && empty.stderr.contains("--status needs at least one status"))
        let assets = try await runner.run(["stations", "--assets", "--format", "json", "--demo"])
        #expect(assets.status == 2 && assets.stderr.contains("give the location's id"))
    }
}
