import ChargEyeAPI
import ChargEyeFleet
import Foundation
import Testing

/// The one roll-up every fleet command reads: counts, locations worst first, problems.
@Suite("Fleet health")
struct FleetHealthTests {
    @Test("totals count stations and connectors by status")
    func totals() {
        let health = FleetHealth(stations: Stations.fleet)
        #expect(health.totals.stations == 10 && health.totals.connectors == 12)
        #expect(health.totals.offline == 2 && health.totals.faultedStations == 1 && health.totals.faultedConnectors == 1)
        #expect(health.connectorsByType["CCS"]?["Charging"] == 2)
    }

    @Test("locations worst first: a faulted station outranks two offline ones, which outrank a faulted connector")
    func locationOrder() {
        let health = FleetHealth(stations: Stations.fleet)
        #expect(health.locations.map(\.uid) == ["LA", "LB", "LC"])
        #expect(health.troubledLocations.count == 3)
        #expect(health.locations[2].powerKw == 200)
        #expect(health.locations.map(\.displayName) == ["Alpha", "Beta", "Gamma"])
    }

    @Test("problems worst first, then the longest quiet first, and each says what is wrong")
    func problems() {
        let problems = FleetHealth(stations: Stations.fleet).problems
        #expect(problems.map(\.stationId) == ["A2", "B2", "B1", "C1"])
        #expect(problems.map(\.summary) == ["Faulted", "Offline", "Offline", "1 connector Faulted"])
        #expect(problems[1].lastActivity == Date(timeIntervalSince1970: 2_000))
    }

    @Test("a station with no location is still counted and shown, under its location id or a placeholder")
    func unknownLocation() {
        let stations = [Stations.station("X1", location: nil, status: "Faulted"), Stations.station("X2", location: "L9")]
        let health = FleetHealth(stations: stations)
        #expect(health.locations.map(\.displayName) == ["(no location)", "L9"])
        #expect(health.problems.first?.locationUid == nil)
    }

    @Test("duplicate station ids are kept once and reported")
    func duplicates() {
        let fleet = FleetStations(collecting: Stations.fleet + [Stations.fleet[0]], source: .unfiltered)
        #expect(fleet.stations.count == 10 && fleet.duplicateIds == ["A1"])
        #expect(fleet.locationNames["LB"] == "Beta")
    }

    @Test("the station table's session times agree with StatusRank's last activity, station by station")
    func sessionTimesFromRows() {
        let session = { (end: Double?, update: Double?, start: Double?) in
            ConnectorSession(
                startTime: start.map(Date.init(timeIntervalSince1970:)), endTime: end.map(Date.init(timeIntervalSince1970:)),
                updateTime: update.map(Date.init(timeIntervalSince1970:))
            )
        }
        let stations = Stations.fleet + [
            Station(stationId: "none", connectors: []),
            Station(stationId: "mixed", connectors: [
                Connector(connectorId: .case1(1), latestTransaction: session(nil, 50, 10), lastTransaction: session(900, nil, nil)),
                Connector(connectorId: .case1(2), lastTransaction: session(70, 80, nil)),
                Connector(connectorId: .case1(3), latestTransaction: session(nil, nil, nil)),
            ]),
        ]
        let table = StationTable(stations)
        for (position, station) in stations.enumerated() {
            #expect(table.latestSessionTime(at: position) == StatusRank.lastActivity(station), "\(station.stationId)")
        }
        #expect(table.latestSessionTime(at: stations.count - 1) == Date(timeIntervalSince1970: 70), "latest session first, then its end")
    }
}
