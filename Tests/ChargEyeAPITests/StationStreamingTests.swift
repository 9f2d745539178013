@testable import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Synchronization
import Testing

/// Answers the token exchange, and `/stations` in two pieces: `head`, then `tail`; with
/// `breaksFirst`, the first answer breaks off after `head` (the connection dropped mid-body).
private final class TwoPieceTransport: ClientTransport, Sendable {
    let stationCalls = Mutex(0)
    let head: String
    let tail: String
    let breaksFirst: Bool

    init(head: String = #"{"stations":[{"stationId":"a"},{"stationId":"b"},"#, tail: String = #"{"stationId":"c"}]}"#, breaksFirst: Bool) {
        self.head = head
        self.tail = tail
        self.breaksFirst = breaksFirst
    }

    func send(_ request: HTTPRequest, body requestBody: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let json = HTTPFields([HTTPField(name: .contentType, value: "application/json")])
        if request.path?.hasSuffix("/auth/refreshAccessToken") == true {
            return (HTTPResponse(status: .ok, headerFields: json), HTTPBody(#"{"token":"t","validUntil":"2099-01-01T00:00:00Z"}"#))
        }
        let call = stationCalls.withLock { $0 += 1; return $0 }
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: ArraySlice<UInt8>.self)
        continuation.yield(ArraySlice(head.utf8))
        if call == 1, breaksFirst {
            continuation.finish(throwing: URLError(.networkConnectionLost))
        } else {
            continuation.yield(ArraySlice(tail.utf8))
            continuation.finish()
        }
        return (HTTPResponse(status: .ok, headerFields: json), HTTPBody(stream, length: .unknown, iterationBehavior: .single))
    }
}

/// The unfiltered `GET /stations`, read in batches as it arrives (the fleet read uses it).
@Suite("The streamed stations list")
struct StationStreamingTests {
    @Test("a large fleet arrives in several batches that add up to what the one-piece call returns")
    func streamedFromTheSimulator() async throws {
        try await withSimulator({ $0.locations = 100 }) { simulator in
            let client = try makeClient(simulator)
            let batches = Recorder<StationTable>()
            let replaced = Recorder<Bool>()
            let count = try await client.streamAllStations { batch, replacesEarlier in
                batches.append(batch)
                replaced.append(replacesEarlier)
            }
            let whole = try await client.allStations()
            #expect(count == whole.count)
            #expect(batches.values.count > 1, "the first stations should come before the rest")
            #expect(!replaced.values.contains(true))
            // The live figures move between the two calls; which stations, where, do not.
            let streamed = batches.values.flatMap { $0 }
            #expect(streamed.map(\.stationId) == whole.map(\.stationId))
            #expect(streamed.map(\.locationUid) == whole.map(\.locationUid))
            #expect(streamed.map { $0.connectors?.count } == whole.map { $0.connectors?.count })
        }
    }

    @Test("the fleet read keeps every station of the streamed answer, once")
    func fleetReadStreams() async throws {
        try await withSimulator({ $0.locations = 100 }) { simulator in
            let client = try makeClient(simulator)
            let progress = Recorder<FleetProgress>()
            let fleet = try await client.fleetStations { progress.append($0) }
            let whole = try await client.allStations()
            // Every batch is reported, the stations so far counted.
            #expect(progress.values.count > 1)
            #expect(progress.values.map(\.stations) == progress.values.map(\.stations).sorted())
            #expect(progress.values.last?.stations == whole.count)
            #expect(progress.values.allSatisfy { $0.total == 0 && $0.isUnderWay })
            #expect(fleet.source == .unfiltered)
            #expect(fleet.stations.map(\.stationId) == whole.map(\.stationId))
            #expect(simulator.requestCounts["/stations"] == 2)
        }
    }

    @Test("an answer that breaks off after stations came is read again once, whole")
    func brokenAnswerIsReadAgain() async throws {
        var configuration = ChargEyeConfiguration(baseURL: URL(string: "http://127.0.0.1:9/api")!, refreshToken: Secret("r"))
        configuration.tokenCacheDirectory = nil
        let transport = TwoPieceTransport(breaksFirst: true)
        let client = try ChargEyeClient(configuration: configuration, transport: transport)
        let fleet = try await client.fleetStations()
        #expect(fleet.stations.map(\.stationId) == ["a", "b", "c"])
        #expect(transport.stationCalls.withLock { $0 } == 2)
    }

    @Test("a station id that comes again is dropped as it arrives: progress never shows it twice")
    func duplicatesDroppedWhileStreaming() async throws {
        var configuration = ChargEyeConfiguration(baseURL: URL(string: "http://127.0.0.1:9/api")!, refreshToken: Secret("r"))
        configuration.tokenCacheDirectory = nil
        let transport = TwoPieceTransport(tail: #"{"stationId":"a","name":"again"},{"stationId":"c"}]}"#, breaksFirst: false)
        let client = try ChargEyeClient(configuration: configuration, transport: transport)
        let progress = Recorder<FleetProgress>()
        let fleet = try await client.fleetStations { progress.append($0) }
        #expect(fleet.stations.map(\.stationId) == ["a", "b", "c"] && fleet.stations[0].name == nil, "the first is kept")
        #expect(fleet.duplicateIds == ["a"])
        #expect(progress.values.last?.soFar.map(\.stationId) == ["a", "b", "c"])
        #expect(progress.values.allSatisfy { Set($0.soFar.map(\.stationId)).count == $0.soFar.count })
    }

    @Test("the scanner reads the stations key, and says so when it is missing")
    func scannerKey() throws {
        var scanner = ListScanner(key: "stations")
        scanner.feed(Array(#"{"stations":[{"stationId":"a"},{"stationId":"b"}]}"#.utf8))
        #expect(scanner.status == .complete)
        let taken = scanner.withCompleteItems { ListScanner.answer(key: scanner.key, items: $0) }
        let batch = try #require(taken)
        #expect(String(decoding: batch, as: UTF8.self) == #"{"stations":[{"stationId":"a"},{"stationId":"b"}]}"#)
        var other = ListScanner(key: "stations")
        other.feed(Array(#"{"locations":[]}"#.utf8))
        #expect(other.status == .irregular)
        #expect(other.problem.contains(#"no "stations" list"#))
    }
}
