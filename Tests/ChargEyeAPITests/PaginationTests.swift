import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Testing

@Suite("Transactions and the raw GET")
struct PaginationTests {
    @Test("pagination with the lastEvaluatedKey cursor walks to the end without repeats")
    func walkAllPages() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator)
            let location = try #require(try await client.locations().first)
            let station = try #require(try await client.stations(locationUid: location.id).first)
            var page = try await client.transactions(stationId: station.stationId)
            var all = page.transactions
            var pages = 1
            while let next = page.next {
                page = try await client.transactions(stationId: station.stationId, cursor: next)
                all += page.transactions
                pages += 1
            }
            #expect(Double(all.count) == page.summary?.count)
            #expect(Set(all.map(\.txId)).count == all.count)
            #expect(pages == (all.count + 24) / 25)
            let starts = all.compactMap(\.startTime)
            #expect(starts == starts.sorted(by: >))
        }
    }

    @Test("startDate and endDate narrow the transactions")
    func dateWindow() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator)
            let location = try #require(try await client.locations().first)
            let station = try #require(try await client.stations(locationUid: location.id).first)
            let recent = try await client.transactions(stationId: station.stationId)
            let newest = try #require(recent.transactions.first?.startTime)
            let window = try await client.transactions(stationId: station.stationId, from: newest.addingTimeInterval(-86_400), to: newest.addingTimeInterval(1))
            #expect(!window.transactions.isEmpty)
            #expect(window.transactions.allSatisfy { ($0.startTime ?? .distantPast) >= newest.addingTimeInterval(-86_400) })
            let error = await chargEyeError {
                try await client.transactions(stationId: station.stationId, from: newest, to: newest.addingTimeInterval(-10))
            }
            #expect(error?.status == 400)
        }
    }

    @Test("every physical request is reported to the request observer, without credentials")
    func requestRecords() async throws {
        try await withSimulator { simulator in
            let records = Recorder<RequestRecord>()
            var configuration = ChargEyeConfiguration(baseURL: simulator.baseURL, refreshToken: Secret("demo"))
            configuration.tokenCacheDirectory = nil
            configuration.requestObserver = { records.append($0) }
            let client = try ChargEyeClient(configuration: configuration)
            simulator.addFault(FaultRule(path: "/locations", status: 503, times: 1))
            _ = try await client.locations()
            let seen = records.values
            #expect(seen.map(\.path) == ["/auth/refreshAccessToken", "/locations", "/locations"])
            #expect(seen.map(\.status) == [200, 503, 200])
            #expect(seen.map(\.attempt) == [1, 1, 2])
            #expect(seen[0].isTokenExchange)
            #expect(seen[2].url == simulator.baseURL.absoluteString + "/locations")
            #expect(seen.allSatisfy { !$0.curlCommand.contains("eyJ") && !$0.curlCommand.contains("demo") })
        }
    }

    @Test("a raw GET returns status, timing and pretty JSON")
    func rawGet() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator)
            let response = try await client.get(path: "locations")
            #expect(response.status == 200)
            #expect(response.path == "/locations")
            let pretty = try #require(response.prettyJSON)
            #expect(pretty.hasPrefix("{\n  \"locations\": ["))
            let full = try await client.get(path: simulator.baseURL.absoluteString + "/locations")
            #expect(full.path == "/locations")
            let error = await chargEyeError { try await client.get(path: "/nowhere") }
            #expect(error?.status == 404)
        }
    }
}
