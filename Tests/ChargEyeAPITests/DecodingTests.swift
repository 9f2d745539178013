import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Testing

@Suite("Tolerant decoding of real-world response shapes")
struct DecodingTests {
    private func stations(_ json: String) async throws -> [Station] {
        try await withSimulator { simulator in
            simulator.addFault(FaultRule(path: "/stations", status: 200, body: json))
            return try await makeClient(simulator).stations(locationUid: "any")
        }
    }

    @Test("unknown enum values are kept as raw text")
    func unknownEnumValues() async throws {
        let result = try await stations("""
            {"stations":[{"stationId":"S1","status":"Quarantined","onlineStatus":"Online","connectors":[
              {"connectorId":"1","type":"MCS","status":"Preparing"},
              {"connectorId":"2","type":"CCS","status":"Charging"}]}]}
            """)
        let station = try #require(result.first)
        #expect(station.status?.text == "Quarantined")
        #expect(station.status?.known == nil)
        #expect(station.onlineStatus?.known == .online)
        #expect(station.connectors?[0]._type?.text == "MCS")
        #expect(station.connectors?[0].status?.text == "Preparing")
        #expect(station.connectors?[1].status?.known == .charging)
    }

    @Test("the connector session is read from latestTransaction or lastTransaction")
    func bothSessionKeys() async throws {
        let result = try await stations("""
            {"stations":[{"stationId":"S1","connectors":[
              {"connectorId":"1","latestTransaction":{"txId":"a","soc":64,"startTime":"2025-03-04T05:12:40.118Z"}},
              {"connectorId":"2","lastTransaction":{"txId":"b","soc":12,"startTime":"2025-03-04T05:12:40"}},
              {"connectorId":3,"latestTransaction":null}]}]}
            """)
        let connectors = try #require(result.first?.connectors)
        #expect(connectors[0].session?.txId == "a")
        #expect(connectors[1].session?.txId == "b")
        #expect(connectors[1].session?.startTime == connectors[0].session?.startTime.map { $0.addingTimeInterval(-0.118) })
        #expect(connectors[2].session == nil)
        #expect(connectors[2].id == "3")
    }

    @Test("null and absent optional fields, the minimal quickstart location, number-or-string values")
    func minimalAndNullableShapes() async throws {
        try await withSimulator { simulator in
            simulator.addFault(FaultRule(path: "/locations", status: 200, body: """
                {"locations":[{"country":"Finland","city":"Vantaa","address":"Tikkurilantie 10","id":"LF59aGkk2t","name":"Acme Depot Vantaa"},
                              {"id":"X","name":null,"lat":null,"labels":null,"operator":null}]}
                """))
            simulator.addFault(FaultRule(path: "/vehicles", status: 200, body: """
                {"vehicles":[{"id":"v1","maxChargePowerkW":"300","fullChargeEnergykWh":470,"locationUid":["a","b"]}]}
                """))
            let client = try makeClient(simulator)
            let locations = try await client.locations()
            #expect(locations.map(\.id) == ["LF59aGkk2t", "X"])
            #expect(locations[1].name == nil)
            let vehicle = try #require(try await client.vehicles(locationUid: "a").first)
            #expect(vehicle.maxChargePowerkW?.number == 300)
            #expect(vehicle.fullChargeEnergykWh?.text == "470")
            #expect(vehicle.locationUid?.uids == ["a", "b"])
        }
    }

    @Test("one location is accepted wrapped as {location} and bare")
    func wrappedAndBareLocation() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator)
            let first = try #require(try await client.locations().first)
            #expect(try await client.location(uid: first.id) == first)
            simulator.addFault(FaultRule(path: "/locations/bare", status: 200, body: #"{"id":"bare","name":"Bare Depot"}"#))
            #expect(try await client.location(uid: "bare").name == "Bare Depot")
        }
    }

    @Test("malformed JSON is a decoding error, not a crash")
    func malformedJSON() async throws {
        try await withSimulator { simulator in
            simulator.addFault(FaultRule(path: "/locations", status: 200, body: #"{"locations":[{"id":"a","#))
            let error = await chargEyeError { try await makeClient(simulator).locations() }
            guard case .decoding(let failure)? = error else {
                Issue.record("expected a decoding failure, got \(String(describing: error))")
                return
            }
            #expect(failure.request.path == "/locations")
        }
    }

    /// Foundation's `JSONDecoder` crashes on a text whose 513th level opens on its last byte
    /// (found by the fuzzer); each read refuses it with a message instead.
    @Test("an answer ending on its 513th opening bracket is an error, never a crash", arguments: [
        String(repeating: "[", count: 513), #"{"locations":"# + String(repeating: "[", count: 512),
    ])
    func nestingPastTheDecoderLimit(body: String) async throws {
        try await withSimulator { simulator in
            simulator.addFault(FaultRule(path: "/locations", status: 200, body: body))
            simulator.addFault(FaultRule(path: "/stations", status: 400, body: body))
            let client = try makeClient(simulator)
            let error = await chargEyeError { try await client.locations() }
            guard case .decoding(let failure)? = error else {
                Issue.record("expected a decoding failure, got \(String(describing: error))")
                return
            }
            #expect(failure.detail.contains("more than 512 levels deep"))
            let streamed = await chargEyeError { try await client.streamLocations { _ in } }
            guard case .decoding(let streamedFailure)? = streamed else {
                Issue.record("expected a decoding failure from the streamed read, got \(String(describing: streamed))")
                return
            }
            #expect(streamedFailure.detail.contains("more than 512 levels deep"))
            let refused = await chargEyeError { try await client.stations(locationUid: "any") }
            guard case .http(let http)? = refused else {
                Issue.record("expected the 400, got \(String(describing: refused))")
                return
            }
            #expect(http.status == 400)
            #expect(http.serverMessage == nil)
        }
    }

    @Test("a wrong type names the field path")
    func wrongTypeNamesField() async throws {
        try await withSimulator { simulator in
            simulator.addFault(FaultRule(path: "/locations", status: 200, body: #"{"locations":[{"id":"a"},{"id":"b","name":42}]}"#))
            let error = await chargEyeError { try await makeClient(simulator).locations() }
            guard case .decoding(let failure)? = error else {
                Issue.record("expected a decoding failure, got \(String(describing: error))")
                return
            }
            #expect(failure.fieldPath == "locations[1].name")
            #expect(error?.description.contains("locations[1].name") == true)
        }
    }

    @Test("an empty 200 body and a 200 HTML page are decoding errors", arguments: [
        ("", "application/json"), ("<html><body>Login</body></html>", "text/html"),
    ])
    func emptyAndHTMLSuccessBodies(body: String, contentType: String) async throws {
        try await withSimulator { simulator in
            simulator.addFault(FaultRule(path: "/locations", status: 200, body: body, contentType: contentType))
            let error = await chargEyeError { try await makeClient(simulator).locations() }
            guard case .decoding? = error else {
                Issue.record("expected a decoding failure, got \(String(describing: error))")
                return
            }
        }
    }

    @Test("timestamps with and without zone and fractions")
    func timestamps() throws {
        let transcoder = TolerantDateTranscoder()
        let zulu = try transcoder.decode("2025-03-04T05:12:40.118Z")
        #expect(try transcoder.decode("2025-03-04T05:12:40.118") == zulu)
        #expect(try transcoder.decode("2025-03-04T07:12:40.118+02:00") == zulu)
        #expect(try transcoder.decode("2025-03-04T05:12:40Z") == zulu.addingTimeInterval(-0.118))
        #expect(try transcoder.encode(zulu) == "2025-03-04T05:12:40.118Z")
        // RFC3339.format writes what Foundation's formatter wrote, from 1600 to 9999.
        let foundation = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        var random = SystemRandomNumberGenerator()
        for seconds in [0, 0.9995, -0.001, 951_782_400, 253_402_300_799.999] + (0..<2_000).map({ _ in Double.random(in: -11_676_096_000...253_402_300_799, using: &random) }) {
            let date = Date(timeIntervalSince1970: seconds)
            let nudged = Date(timeIntervalSince1970: (seconds * 1000).rounded() / 1000 + 0.0002)
            #expect(RFC3339.format(date) == nudged.formatted(foundation), "\(seconds)")
        }
        #expect(RFC3339.format(Date(timeIntervalSince1970: 253_402_300_800)) == nil)
        #expect(throws: (any Error).self) { try transcoder.decode("yesterday") }
    }

    @Test("every RFC 3339 form: lower-case t and z, offsets to ±23:59 with or without colon, leap seconds, long fractions")
    func rfc3339() throws {
        let zulu = try #require(RFC3339.parse("2025-03-04T05:12:40.118Z"))
        #expect(RFC3339.parse("2025-03-04t05:12:40.118z") == zulu)
        #expect(RFC3339.parse("2025-03-04 05:12:40.118Z") == zulu)
        #expect(RFC3339.parse("2025-03-05T05:11:40.118+23:59") == zulu)
        #expect(RFC3339.parse("2025-03-03T05:13:40.118-2359") == zulu)
        #expect(abs(try #require(RFC3339.parse("2025-03-04T05:12:40.118000001Z")).timeIntervalSince(zulu)) < 1e-6)
        #expect(RFC3339.parse("2016-12-31T23:59:60Z") == RFC3339.parse("2017-01-01T00:00:00Z"))
        #expect(RFC3339.parse("2024-02-29T00:00:00Z") == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(RFC3339.parse("1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
        for bad in ["2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-03-04T24:00:00Z", "2025-03-04T05:12:61Z",
                    "2025-03-04T05:12:40+24:00", "2025-03-04T05:12:40.Z", "2025-03-04", "2025-03-04T05:12:40Zjunk", ""] {
            #expect(RFC3339.parse(bad) == nil, "\(bad)")
        }
    }
}
