import ChargEyeAPI
import ChargEyeSimulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("The simulator as an HTTP server")
struct SimulatorTests {
    private func start(_ configure: (inout Simulator.Configuration) -> Void = { _ in }) async throws -> Simulator {
        var configuration = Simulator.Configuration()
        configure(&configuration)
        return try await Simulator.start(configuration)
    }

    private func request(_ url: URL, method: String = "GET", body: String? = nil, bearer: String? = nil) async throws -> (Int, Data) {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    @Test("resource calls without a valid JWT get 401 with an errorMessage")
    func resourcesNeedAToken() async throws {
        let simulator = try await start()
        let (status, data) = try await request(simulator.baseURL.appendingPathComponent("locations"))
        #expect(status == 401)
        #expect(String(decoding: data, as: UTF8.self).contains("\"errorMessage\""))
        let (forged, _) = try await request(simulator.baseURL.appendingPathComponent("locations"), bearer: "eyJhbGciOiJub25lIn0.e30.")
        #expect(forged == 401)
        await simulator.stop()
    }

    @Test("the token endpoint returns a JWT and validUntil in ChargEye's format")
    func tokenShape() async throws {
        let simulator = try await start { $0.tokenTTL = 120 }
        let before = Date()
        let (status, data) = try await request(simulator.baseURL.appendingPathComponent("auth/refreshAccessToken"), bearer: "demo")
        let after = Date()
        #expect(status == 200)
        let body = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        #expect(body["token"]?.split(separator: ".").count == 3)
        let validUntil = try #require(body["validUntil"])
        #expect(validUntil.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
        let expiry = try #require(TolerantDateTranscoder.parse(validUntil))
        // Issued while the request was in flight (however long a loaded machine took), to the
        // millisecond (rounded down), plus the lifetime.
        #expect(expiry >= before.addingTimeInterval(120 - 0.001) && expiry <= after.addingTimeInterval(120))
        await simulator.stop()
    }

    @Test("faults can be changed at run time through the control endpoint, and requests are counted")
    func controlEndpoint() async throws {
        let simulator = try await start()
        let client = try ChargEyeClient(configuration: {
            var configuration = ChargEyeConfiguration(baseURL: simulator.baseURL, refreshToken: Secret("demo"))
            configuration.tokenCacheDirectory = nil
            configuration.retryPolicy = .none
            return configuration
        }())
        let rules = #"{"failRate":0,"latencyMs":0,"rules":[{"path":"/locations","status":418,"times":1}]}"#
        let (status, _) = try await request(simulator.controlURL.appendingPathComponent("faults"), method: "PUT", body: rules)
        #expect(status == 200)
        var failed = false
        do { _ = try await client.locations() } catch let error as ChargEyeError { failed = error.status == 418 }
        #expect(failed)
        #expect(try await client.locations().count == 40)
        let (_, stats) = try await request(simulator.controlURL.appendingPathComponent("stats"))
        let counts = try #require(try JSONSerialization.jsonObject(with: stats) as? [String: [String: Int]])
        #expect(counts["requests"]?["/locations"] == 2)
        let (_, cleared) = try await request(simulator.controlURL.appendingPathComponent("faults"), method: "DELETE")
        #expect(String(decoding: cleared, as: UTF8.self).contains("\"rules\" : ["))
        await simulator.stop()
    }

    @Test("the same seed gives the same fleet; another seed a different one")
    func deterministicFleet() async throws {
        func fleet(seed: UInt64) async throws -> [Location] {
            let simulator = try await start { $0.seed = seed }
            var configuration = ChargEyeConfiguration(baseURL: simulator.baseURL, refreshToken: Secret("demo"))
            configuration.tokenCacheDirectory = nil
            let locations = try await ChargEyeClient(configuration: configuration).locations()
            await simulator.stop()
            return locations
        }
        let first = try await fleet(seed: 7), again = try await fleet(seed: 7), other = try await fleet(seed: 8)
        #expect(first == again)
        #expect(first != other)
        #expect(Set(first.map(\.id)).count == 40)
        #expect(Set(first.compactMap(\.country)).count >= 10)
    }

    @Test("a large fleet is generated with unique ids, and stations exist for the last location")
    func largeFleet() async throws {
        let simulator = try await start { $0.locations = 20_000 }
        var configuration = ChargEyeConfiguration(baseURL: simulator.baseURL, refreshToken: Secret("demo"))
        configuration.tokenCacheDirectory = nil
        let client = try ChargEyeClient(configuration: configuration)
        let locations = try await client.locations()
        #expect(locations.count == 20_000)
        #expect(Set(locations.map(\.id)).count == 20_000)
        let last = try #require(locations.last)
        let stations = try await client.stations(locationUid: last.id)
        #expect((1...12).contains(stations.count))
        #expect(stations.allSatisfy { (1...8).contains($0.connectors?.count ?? 0) })
        await simulator.stop()
    }
}
