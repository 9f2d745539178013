import ChargEyeAPI
import ChargEyeFleet
import Testing
@testable import ViewModels

@Suite("Roll-ups by location over a growing read")
struct RollupsByLocationTests {
    private static func station(_ id: String, at uid: String, _ status: String) -> Station {
        Station(stationId: id, status: .init(status), onlineStatus: .init("Online"), connectors: [Fixtures.connector("1", "Available")], locationUid: uid)
    }

    /// Each location's roll-up counted from scratch.
    private static func expected(_ stations: StationTable) -> [String: Rollup] {
        Dictionary(grouping: stations.withoutSessions, by: { $0.locationUid ?? "" }).mapValues { Rollup($0) }
    }

    @Test("counting a longer version of the table adds its new rows; another table is counted afresh")
    func growingAndReplaced() {
        var read = StationTable([Self.station("a", at: "L1", "Operative"), Self.station("b", at: "L2", "Faulted")])
        var counted = RollupsByLocation()
        counted.count(read)
        #expect(counted.rollups == Self.expected(read))
        read.append(Self.station("c", at: "L1", "Faulted"))
        read.append(Self.station("d", at: "L3", "Unavailable"))
        counted.count(read)
        #expect(counted.rollups == Self.expected(read))
        #expect(counted.rollups["L1"]?.stations == 2)
        let other = StationTable([Self.station("x", at: "L9", "Operative")])
        counted.count(other)
        #expect(counted.rollups == Self.expected(other))
    }
}
