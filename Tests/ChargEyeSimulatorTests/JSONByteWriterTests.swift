import ChargEyeAPI
@testable import ChargEyeSimulator
import Foundation
import OpenAPIRuntime
import Testing

/// The simulator's fast writer against the generated encoder: the same values, read back by
/// the generated decoder.
@Suite("The simulator's JSON writer")
struct JSONByteWriterTests {
    private static func decoded<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { try TolerantDateTranscoder().decode($0.singleValueContainer().decode(String.self)) }
        return try decoder.decode(type, from: Data(bytes))
    }

    private static func written(_ stations: [Components.Schemas.StationInfo]) -> [UInt8] {
        var json = JSONByteWriter()
        json.object { $0.member("stations", stations) { $0.array($1) { $0.station($1) } } }
        return json.bytes
    }

    @Test("a seeded fleet's stations decode to what the generated encoder's output decodes to")
    func fleetStations() throws {
        let fleet = Fleet(seed: 7, count: 300, epoch: Date(timeIntervalSince1970: 1_764_000_000), variance: false)
        let stations = fleet.allStations(now: Date(timeIntervalSince1970: 1_764_050_000.123_4))
        #expect(stations.count > 500)
        let reference = try Self.decoded(Components.Schemas.StationList.self, Array(StreamedList.encoder().encode(Components.Schemas.StationList(stations: stations))))
        let fast = try Self.decoded(Components.Schemas.StationList.self, Self.written(stations))
        #expect(fast == reference)
    }

    @Test("locations, map shapes included, decode to what the generated encoder's output decodes to")
    func locations() throws {
        var locations = Array(Fleet(seed: 7, count: 300, epoch: Date(timeIntervalSince1970: 1_764_000_000), variance: false).locations)
        locations[0].bounds = [[24.9, 60.1], [25.0, 60.2]]
        locations[1].geo = [try JSONDecoder().decode(OpenAPIValueContainer.self, from: Data(#"{"type":"Point","coordinates":[24.9,60.1]}"#.utf8))]
        locations[2].positionEstimate = .init(confidence: 0.9, lastUpdated: "2026-12-01", lat: 60.1, lng: 24.9)
        var json = JSONByteWriter()
        json.object { $0.member("locations", locations) { $0.array($1) { $0.location($1) } } }
        let reference = try Self.decoded(Components.Schemas.LocationList.self, Array(StreamedList.encoder().encode(Components.Schemas.LocationList(locations: locations))))
        #expect(try Self.decoded(Components.Schemas.LocationList.self, json.bytes) == reference)
        #expect(reference.locations.count == 300 && reference.locations.contains { $0.labels?.isEmpty == false })
    }

    @Test("the varied locations list, made in slices, is the whole list varied at once")
    func variedLocationsInSlices() throws {
        let locations = Fleet(seed: 7, count: 1_000, epoch: Date(timeIntervalSince1970: 1_764_000_000), variance: true).locations
        var json = JSONByteWriter()
        json.object { $0.member("locations", Array(locations)) { $0.array($1) { $0.location($1) } } }
        let whole = try #require(DataVariance.vary(json.bytes, kind: .locations))
        let sliced = try #require(VariedLocationList.make(locations))
        #expect(sliced == whole)
        #expect(try Self.decoded(Components.Schemas.LocationList.self, sliced).locations.count == 1_000)
        #expect(VariedLocationList.make(LocationTable()).map { String(decoding: $0, as: UTF8.self) } == #"{"locations":[]}"#)
    }

    @Test("texts, numbers and timestamps at their edges come back as they went")
    func edges() throws {
        let names = ["", "quote \" backslash \\ slash /", "controls \u{0}\u{1}\u{1F}\t\n\r\u{7F}", "Jyväskylä 🚌 \u{202E}rtl", "\u{FEFF}bom"]
        let numbers: [Double] = [0, 1, -1, 0.1, -5.5, 74.8, 1e-7, 2.5e-300, 1e15, 1e15 - 1, 123_456_789_012_345.6, 9.007199254740993e15, 1e300, -1e21]
        // From 1900: Foundation's formatter turns to the Julian calendar before 1582, RFC 3339 does not.
        let dates = [0, 0.9995, -0.001, 951_782_400, 4_102_444_799.999, -2_208_988_800, 253_402_300_799.999].map(Date.init(timeIntervalSince1970:))
        let stations = names.indices.map { index in
            Components.Schemas.StationInfo(
                stationId: names[index], name: names[index], connectors: [.init(
                    connectorId: index.isMultiple(of: 2) ? .case1(numbers[index]) : .case2(names[index]),
                    latestTransaction: .init(txId: names[index], startTime: dates[index], endTime: dates[index + 2], powerKw: numbers[index + 5])
                )],
                maxPowerKw: numbers[index], currentPowerKw: numbers[index + 9], powerGroupParentPath: names
            )
        }
        let bytes = Self.written(stations)
        #expect(try JSONSerialization.jsonObject(with: Data(bytes)) is [String: Any])
        let reference = try Self.decoded(Components.Schemas.StationList.self, Array(StreamedList.encoder().encode(Components.Schemas.StationList(stations: stations))))
        #expect(try Self.decoded(Components.Schemas.StationList.self, bytes) == reference)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""startTime":"1970-01-01T00:00:01.000Z""#), "0.9995 s rounds to the next millisecond, as the transcoder does")
    }
}
