@testable import ChargEyeAPI
@testable import ChargEyeSimulator
import Foundation
import HTTPTypes
import Testing

@Suite("Station table")
struct StationTableTests {
    /// The decoder tests' stations, which use every field, plus the awkward values the fast
    /// decoder leaves to the generated one.
    private static func sample() async throws -> [Station] {
        let items = StationTableDecodingTests.regular + [
            #"{"stationId":"neg","maxPowerKw":-0,"connectors":[{"connectorId":-0}]}"#,
            #"{"stationId":"both","connectors":[{"connectorId":"1","latestTransaction":{"txId":"new","evseId":"E"},"lastTransaction":{"txId":"old","evseId":3}},{"connectorId":2,"latestTransaction":{"txId":"same"},"lastTransaction":{"txId":"same"}}]}"#,
            #"{"stationId":"","name":"","locationUid":"","connectors":[{"connectorId":"","name":""}]}"#,
        ]
        let body = Data(#"{"stations":[\#(items.joined(separator: ","))]}"#.utf8)
        var configuration = ChargEyeConfiguration(baseURL: URL(string: "http://decode.invalid/api")!, refreshToken: Secret("unused"))
        configuration.tokenCacheDirectory = nil
        let client = try ChargEyeClient(configuration: configuration)
        return try await client.decodeAllStations(body, response: HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"]))
    }

    @Test("gives back every station exactly: nil and empty apart, -0 keeps its sign, both session keys")
    func roundTrip() async throws {
        let stations = try await Self.sample()
        let table = StationTable(stations)
        #expect(table.count == stations.count)
        #expect(Array(table) == stations)
        let negative = try #require(table.first { $0.stationId == "neg" })
        #expect(negative.maxPowerKw?.sign == .minus)
        let both = try #require(table.first { $0.stationId == "both" }?.connectors)
        #expect(both[0].latestTransaction?.txId == "new" && both[0].lastTransaction?.txId == "old")
        #expect(both[0].latestTransaction?.evseId == .case2("E") && both[0].lastTransaction?.evseId == .case1(3))
        #expect(both[1].latestTransaction == both[1].lastTransaction && both[1].lastTransaction?.txId == "same")
        #expect(table[0].connectors == nil && table.first { $0.stationId == "b" }?.connectors == [], "absent and empty stay apart")
    }

    @Test("statuses and connector types read from the rows are the station's own: absent and empty connectors apart, unknown texts kept")
    func statusesFromRows() async throws {
        let stations = try await Self.sample() + [
            Station(stationId: "odd", status: .init("Rebooting"), onlineStatus: .init("Offline"), connectors: [
                .init(connectorId: .case1(1), _type: .init("MCS"), status: .init("Faulted")), .init(connectorId: .case1(2)),
            ]),
        ]
        let table = StationTable(stations)
        for (position, station) in stations.enumerated() {
            let statuses = table.statuses(at: position), expected = StationStatuses(station)
            #expect(statuses.status == expected.status && statuses.onlineStatus == expected.onlineStatus, "\(station.stationId)")
            #expect(statuses.connectors == expected.connectors, "\(station.stationId)")
            #expect(table.connectorTypes(at: position) == (station.connectors ?? []).map(\._type), "\(station.stationId)")
        }
        #expect(table.statuses(at: 0).connectors == nil && table.statuses(at: stations.count - 1).connectors?.count == 2)
        #expect(table.statuses(at: stations.count - 1).status?.text == "Rebooting" && table.statuses(at: stations.count - 1).status?.known == nil)
    }

    @Test("a simulated fleet, across chunks of rows, and the fields read without making a station")
    func simulatedFleet() async throws {
        try await withSimulator({ $0.locations = 300 }) { simulator in
            let stations = try await makeClient(simulator).allStations()
            #expect(stations.reduce(0) { $0 + ($1.connectors?.count ?? 0) } > 4_096, "more than one chunk of connector and session rows")
            let table = StationTable(stations)
            #expect(Array(table) == stations)
            for (position, station) in stations.enumerated() {
                #expect(table.stationId(at: position) == station.stationId)
                #expect(table.name(at: position) == station.name)
                #expect(table.locationUid(at: position) == station.locationUid)
                #expect(table.locationName(at: position) == station.location?.name ?? nil)
                #expect(table.currentPowerKw(at: position) == station.currentPowerKw)
            }
            let positions = Array(table.indices.reversed())
            #expect(table.firstIndex(ofID: stations[7].stationId, in: positions) == positions.firstIndex(of: 7))
            #expect(table.firstIndex(ofID: stations[7].stationId + "x", in: positions) == nil)
        }
    }

    @Test("without sessions: the same stations and connectors, no session")
    func withoutSessions() async throws {
        let stations = try await Self.sample()
        let table = StationTable(stations)
        let light = Array(table.withoutSessions)
        #expect(light.count == stations.count)
        for (full, light) in zip(stations, light) {
            var stripped = full
            stripped.connectors = full.connectors?.map { connector in
                var connector = connector
                connector.latestTransaction = nil
                connector.lastTransaction = nil
                return connector
            }
            #expect(light == stripped)
        }
    }

    @Test("equal tables: a copy without comparing rows, a rebuilt one row by row")
    func equality() async throws {
        let stations = try await Self.sample()
        let table = StationTable(stations)
        let copy = table
        #expect(copy == table)
        #expect(StationTable(stations) == table)
        var longer = table
        longer.append(Station(stationId: "more"))
        #expect(longer != table)
        var changed = stations
        changed[4].connectors?[0].status = .init("Faulted")
        #expect(StationTable(changed) != table)
    }
}
