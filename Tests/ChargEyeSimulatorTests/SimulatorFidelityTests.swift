import ChargEyeAPI
import ChargEyeSimulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The simulator behaves like a real server: the calls the API allows, errors as the API gives
/// them, the variety real answers have (and none with `strictData`), sessions whose numbers agree.
@Suite("The simulator as a real server would answer")
struct SimulatorFidelityTests {
    private func withSimulator(
        strict: Bool = false, streamStationsAbove: Int = 1_000, _ body: (Simulator, ChargEyeClient, String) async throws -> Void
    ) async throws {
        var configuration = Simulator.Configuration()
        configuration.strictData = strict
        configuration.streamStationsAbove = streamStationsAbove
        let simulator = try await Simulator.start(configuration)
        var clientConfiguration = ChargEyeConfiguration(baseURL: simulator.baseURL, refreshToken: Secret(simulator.refreshToken))
        clientConfiguration.tokenCacheDirectory = nil
        let client = try ChargEyeClient(configuration: clientConfiguration)
        let jwt = try await client.tokens.validToken().jwt.value
        do { try await body(simulator, client, jwt) } catch {
            await simulator.stop()
            throw error
        }
        await simulator.stop()
    }

    private func get(_ url: String, method: String = "GET", jwt: String) async throws -> (status: Int, headers: [AnyHashable: Any], body: String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.setValue("Bearer \(jwt)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, http?.allHeaderFields ?? [:], String(decoding: data, as: UTF8.self))
    }

    @Test("GET /stations with no filter is every location's stations, the same as filtered one by one")
    func unfilteredStations() async throws {
        try await withSimulator(strict: true) { _, client, _ in
            let (all, _) = try await client.keepingSource { try await $0.stations(ids: []) }
            var union: [String] = []
            for location in try await client.locations() {
                union += try await client.stations(locationUid: location.id).map(\.stationId)
            }
            #expect(!union.isEmpty)
            #expect(all.map(\.stationId) == union)
            let some = Array(union.shuffled().prefix(3))
            #expect(Set(try await client.stations(ids: some).map(\.stationId)) == Set(some))
        }
    }

    @Test("a large fleet's unfiltered GET /stations, written location by location, is still every location's stations in order")
    func unfilteredStationsStreamed() async throws {
        // Streamed above 10 locations here, so the demo's 40 are enough to check it.
        try await withSimulator(strict: true, streamStationsAbove: 10) { _, client, _ in
            let all = try await client.allStations().map(\.stationId)
            var union: [String] = []
            for location in try await client.locations() {
                union += try await client.stations(locationUid: location.id).map(\.stationId)
            }
            #expect(all.count > 100)
            #expect(all == union)
        }
    }

    @Test("another method is 405 with Allow and an errorMessage; an unknown path is 404 with one")
    func methodsAndPaths() async throws {
        try await withSimulator { simulator, _, jwt in
            let base = simulator.baseURL.absoluteString
            for method in ["POST", "PUT", "DELETE", "PATCH"] {
                let answer = try await get(base + "/stations", method: method, jwt: jwt)
                #expect(answer.status == 405)
                #expect(answer.headers["Allow"] as? String == "GET")
                #expect(answer.body.contains("\"errorMessage\""))
            }
            let missing = try await get(base + "/no/such/path", jwt: jwt)
            #expect(missing.status == 404 && missing.body.contains("\"errorMessage\""))
        }
    }

    @Test("dates in every RFC 3339 form are accepted; an empty cursor is no cursor")
    func queryForms() async throws {
        try await withSimulator { simulator, client, jwt in
            let station = try #require(try await client.stations(locationUid: try await client.locations()[0].id).first).stationId
            let path = simulator.baseURL.absoluteString + "/chargingStations/\(station)/transactions"
            let plain = try await get(path, jwt: jwt)
            #expect(plain.status == 200)
            for date in ["2020-01-01t00:00:00z", "2020-01-01T00:00:00+23:59", "2020-01-01T00:00:00.123456789-23:59", "2016-12-31T23:59:60Z"] {
                let encoded = date.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                #expect(try await get(path + "?startDate=\(encoded)", jwt: jwt).status == 200, "\(date)")
            }
            let empty = try await get(path + "?exclusiveStartKey=", jwt: jwt)
            #expect(empty.status == 200)
            func value(_ text: String) throws -> NSObject? { try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject }
            #expect(try value(empty.body) == value(plain.body))
        }
    }

    @Test("by default the data varies as real answers do: nulls, unknown members, numeric ids, lastTransaction, zone-less times, a bare location")
    func variance() async throws {
        try await withSimulator { simulator, client, jwt in
            let base = simulator.baseURL.absoluteString
            let stations = try await get(base + "/stations", jwt: jwt).body
            #expect(stations.contains("\"latestTransaction\":null"))
            #expect(stations.contains("\"lastTransaction\":{"))
            #expect(stations.contains("\"connectorId\":1") || stations.contains("\"connectorId\":2"))
            #expect(stations.contains("\"evseUid\""))
            #expect(stations.range(of: #"Time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}""#, options: .regularExpression) != nil)
            #expect(stations.range(of: #"\.\d{3}\+02:00""#, options: .regularExpression) != nil)
            let locations = try await client.locations()
            var bare = 0
            for location in locations.prefix(6) where try await get(base + "/locations/\(location.id)", jwt: jwt).body.hasPrefix(#"{"location""#) == false {
                bare += 1
            }
            #expect(bare > 0)
            // The client reads all of it.
            #expect(try await client.stations(ids: []).count > 0)
        }
    }

    @Test("with strictData the answers hold no null, unknown member, numeric id, lastTransaction or zone-less time")
    func strictData() async throws {
        try await withSimulator(strict: true) { simulator, _, jwt in
            let stations = try await get(simulator.baseURL.absoluteString + "/stations", jwt: jwt).body
            #expect(!stations.contains("null") && !stations.contains("lastTransaction") && !stations.contains("evseUid"))
            #expect(stations.range(of: #""connectorId":\d"#, options: .regularExpression) == nil)
            #expect(stations.range(of: #"\d\d:\d\d\.\d{3}""#, options: .regularExpression) == nil)
        }
    }

    @Test("sessions add up: SoC-limit endings reach the limit, energy is average power times charging time, whole milliseconds")
    func plausibleSessions() async throws {
        try await withSimulator(strict: true) { _, client, _ in
            var checked = 0
            for location in try await client.locations().prefix(5) {
                for station in try await client.stations(locationUid: location.id).prefix(2) {
                    let page = try await client.transactions(stationId: station.stationId)
                    for transaction in page.transactions {
                        let charging = try #require(transaction.chargingDurationMs)
                        let session = try #require(transaction.sessionDurationMs)
                        #expect(charging == charging.rounded() && session == session.rounded() && charging <= session)
                        let energy = try #require(transaction.chargedEnergyKwh)
                        let expected = try #require(transaction.avgPowerKw) * charging / 3_600_000
                        #expect(abs(energy - expected) <= max(0.05, expected * 0.04), "\(transaction.txId): \(energy) vs \(expected)")
                        if transaction.endReason?.known == .socLimitReached {
                            #expect(transaction.socEnd == transaction.socLimit, "\(transaction.txId)")
                        }
                        let start = try #require(transaction.startTime), end = try #require(transaction.endTime)
                        #expect(abs(end.timeIntervalSince(start) * 1000 - session) < 1)
                        checked += 1
                    }
                }
            }
            #expect(checked > 100)
        }
    }
}
