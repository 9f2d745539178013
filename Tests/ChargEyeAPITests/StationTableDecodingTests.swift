@testable import ChargEyeAPI
@testable import ChargEyeSimulator
import Foundation
import HTTPTypes
import Testing

@Suite("Streamed station batches read from their bytes into a table")
struct StationTableDecodingTests {
    private static func batch(_ items: String) -> [UInt8] {
        Array(#"{"stations":[\#(items)]}"#.utf8)
    }

    /// The table read from a batch's items, or nil when the reader gave up.
    private static func table(_ items: String) -> StationTable? {
        Array(items.utf8).withUnsafeBufferPointer(StationTable.decoding(items:))
    }

    /// The stations of a whole answer as the streamed read gets them: the scanner finds the
    /// items, the rows are read from them in place.
    private static func fastAnswer(_ bytes: [UInt8]) -> [Station]? {
        var scanner = ListScanner(key: "stations")
        scanner.feed(bytes)
        guard scanner.status == .complete else { return nil }
        return (scanner.withCompleteItems(StationTable.decoding(items:)) ?? nil).map(Array.init)
    }

    /// The stations the rows read from a batch's items make, or nil when the reader gave up.
    private static func decoded(_ items: String) -> [Station]? {
        table(items).map(Array.init)
    }

    /// A client that never sends anything: it only decodes.
    private static let offlineClient: ChargEyeClient = {
        var configuration = ChargEyeConfiguration(baseURL: URL(string: "http://decode.invalid/api")!, refreshToken: Secret("unused"))
        configuration.tokenCacheDirectory = nil
        return try! ChargEyeClient(configuration: configuration)
    }()

    /// What the generated decoder (with the client's date transcoder) makes of the same bytes.
    private static func reference(_ bytes: [UInt8]) async throws -> [Station] {
        let response = HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"])
        return try await offlineClient.decodeAllStations(Data(bytes), response: response)
    }

    static let regular: [String] = [
        #"{"stationId":"a"}"#,
        #"{"stationId":"a","name":null,"status":null,"connectors":null,"location":null,"labels":null,"powerGroupParentPath":null}"#,
        #"{"stationId":"KEM-1","name":"Truck lane 1","status":"Operative","onlineStatus":"Online","locationUid":"L1","maxPowerKw":600,"maxPowerA":606,"currentPowerKw":74.8,"currentPowerA":0,"acDcPowerRatio":0.5,"stationCapabilities":"SerialConnection","powerGroupParentPath":["g1","g2"],"labels":[{"value":"Depot","tenantIds":["t"]}],"location":{"name":"Depot","address":"Street 1","lat":60.1,"lng":24.9}}"#,
        #"{"stationId":"b","status":"Maintenance","onlineStatus":"Sleeping","connectors":[]}"#,
        #"{"stationId":"c","connectors":[{"connectorId":1},{"connectorId":"2","type":"oppcharge","status":"Charging","maxPowerKw":150,"maxPowerKwActual":148.3,"latestTransaction":null,"evseUid":"FI*KEM*E1","cableLengthM":5.0}]}"#,
        #"{"stationId":"d","connectors":[{"connectorId":"1","type":"Pantograph","status":"Finishing","lastTransaction":{"txId":"t1","status":"Ended","endReason":"SOCLimitReached","endTime":"2026-12-02T09:58:31.597+02:00","chargingStartTime":"2026-12-02T06:48:33.590","startTime":"2026-12-02t06:48:03z","updateTime":"2026-12-02 06:48:03.5Z","chargedEnergyKwh":33.08,"soc":90,"connectorId":1,"evseId":"7"}}]}"#,
        #"{"stationId":"e","connectors":[{"connectorId":"1","latestTransaction":{"txId":"t2","status":"Charging","triggerReason":"MeterValuePeriodic","startReason":"Authorized","chargingStartReason":"ChargingStateChanged","chargingEndReason":null,"powerLimitation":"Vehicle","connectorType":"CCS","connectorName":"Satellite 1","authorizationToken":"47F8","powerKw":74.8,"powerKwAvg":70.3,"powerKwMax":110,"socInitial":42,"socLimit":90,"energyLimitKwh":80,"timeLimitMs":3600000,"chargingEndTime":null,"evseId":12,"schedulePlan":{"powerkW":50,"powerkWValidUntil":"2026-12-02T10:00:00Z","updatedAt":null,"evId":"BUS-7","scheduleId":"s1","plannedArrivalTime":"2026-12-02T06:00:00Z","plannedDepartureTime":"2026-12-02T14:00:00.000Z","targetSoC":95,"extra":{"a":[1]}}}}]}"#,
        #"{"stationId":"g","connectors":[{"connectorId":"1","latestTransaction":{"startTime":" 2026-12-02T06:48:03Z ","endTime":"\u00a02026-12-02T07:48:03Z","updateTime":"\t2026-12-02T07:48:03.1Z"}}]}"#,
        #" { "stationId" : "f" , "name" : "J\u00e4rvenp\u00e4\u00e4 \ud83d\ude8c \"quoted\"" , "future" : [ { "x" : [ true , false , null ] } ] } "#,
    ]

    @Test("gives what the generated decoder gives for regular items", arguments: regular)
    func regularItems(_ item: String) async throws {
        let fast = try #require(Self.decoded(item))
        #expect(fast == (try await Self.reference(Self.batch(item))))
    }

    @Test("the simulator's fleet-wide answer: every batch on the fast path, equal to the generated decoder")
    func simulatorAnswer() async throws {
        try await withSimulator({ $0.locations = 300 }) { simulator in
            let bytes = Array(try await makeClient(simulator).get(path: "/stations").body)
            let reference = try await Self.reference(bytes)
            #expect(reference.count > 500)
            // The answer of a small fleet carries the simulator's variance (shuffled keys, other
            // date forms, values outside the enums, extra keys): the fast path reads it or gives up.
            if let fast = Self.fastAnswer(bytes) { #expect(fast == reference) }
            // A strict answer, as the streamed one is: every byte on the fast path.
            let strict = try StreamedList.encoder().encode(Components.Schemas.StationList(stations: reference))
            let fast = try #require(Self.fastAnswer(Array(strict)))
            #expect(fast == reference)
        }
    }

    static let irregular: [String] = [
        #"{"name":"no id"}"#,
        #"{"stationId":null}"#,
        #"{"stationId":"a","stationId":"b"}"#,
        #"{"stationId":"a","status":1}"#,
        #"{"stationId":"a","status":["Operative"]}"#,
        #"{"stationId":"a","maxPowerKw":"600"}"#,
        #"{"stationId":"a","maxPowerKw":-0}"#,
        #"{"stationId":"a","connectors":[{"name":"no id"}]}"#,
        #"{"stationId":"a","connectors":[{"connectorId":null}]}"#,
        #"{"stationId":"a","connectors":[{"connectorId":true}]}"#,
        #"{"stationId":"a","connectors":[{"connectorId":-0}]}"#,
        #"{"stationId":"a","connectors":[{"connectorId":-"7"}]}"#,
        #"{"stationId":"a","maxPowerKw":1e-400}"#,
        #"{"stationId":"a","connectors":{}}"#,
        #"{"stationId":"a","connectors":[{"connectorId":"1","latestTransaction":{"startTime":"yesterday"}}]}"#,
        #"{"stationId":"a","connectors":[{"connectorId":"1","latestTransaction":{"startTime":1733000000}}]}"#,
        #"{"stationId":"a","connectors":[{"connectorId":"1","latestTransaction":{"txId":"x","txId":"y"}}]}"#,
        #"{"stationId":"a","connectors":[{"connectorId":"1","latestTransaction":{"schedulePlan":{"targetSoC":"95"}}}]}"#,
        #"{"stationId":"a","location":"Depot"}"#,
        #"{"stationId":"a","powerGroupParentPath":[null]}"#,
        #"{"stationId":"a","labels":[{"tenantIds":[]}]}"#,
        #"{"stationId":"a","name":"\ud83d"}"#,
        "{\"stationId\":\"a\",\"name\":\"raw\u{01}control\"}",
        #"{"stationId":"a",}"#,
        // A Kelvin sign is `K` to Swift's string comparison, so to the generated decoder.
        "{\"stationId\":\"a\",\"maxPower\u{212A}w\":5}",
    ]

    @Test("gives up on anything else, for the generated decoder to decide", arguments: irregular)
    func irregularItems(_ item: String) {
        #expect(Self.decoded(item) == nil)
    }

    @Test("gives up on items cut off or followed by more bytes")
    func cutOff() {
        #expect(Self.decoded(#"{"stationId":"a""#) == nil)
        #expect(Self.decoded(#"{"stationId":"a"}x"#) == nil)
        #expect(Self.decoded(#"{"stationId":"a"},"#) == nil)
    }

    @Test("one session under both keys, byte for byte, is stored once; equal sessions written apart still read equal")
    func sharedSession() throws {
        let session = #"{"txId":"t","status":"Ended","startTime":"2026-12-02T06:48:03Z","chargedEnergyKwh":12.5}"#
        let spaced = #"{ "txId":"t","status":"Ended","startTime":"2026-12-02T06:48:03Z","chargedEnergyKwh":12.50}"#
        let items = [
            #"{"stationId":"a","connectors":[{"connectorId":1,"latestTransaction":\#(session),"lastTransaction":\#(session)}]}"#,
            #"{"stationId":"b","connectors":[{"connectorId":1,"lastTransaction":\#(session),"latestTransaction":\#(spaced)}]}"#,
        ]
        let table = try #require(Self.table(items.joined(separator: ",")))
        #expect(table.sessionRows.count == 3)
        for station in table {
            let connector = try #require(station.connectors?.first)
            #expect(connector.latestTransaction != nil && connector.latestTransaction == connector.lastTransaction)
        }
    }

    @Test("batches joined into one table read as the stations they hold, those left out leaving no trace")
    func joinedBatches() async throws {
        let first = Self.regular.prefix(5).joined(separator: ","), second = Self.regular.dropFirst(5).joined(separator: ",")
        var table = try #require(Self.table(first))
        let more = try #require(Self.table(second))
        table.append(contentsOf: more) { $0 != 0 }
        let reference = try await Self.reference(Self.batch(Self.regular.joined(separator: ",")))
        #expect(Array(table) == Array(reference.prefix(5)) + Array(reference.dropFirst(6)))
        #expect(table.count == reference.count - 1)
    }
}
