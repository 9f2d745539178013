@testable import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

/// Answers the token exchange, and `/locations` with `body` in 64 KiB chunks (then the
/// connection drops, when it `breaksOff`).
private struct ChunkedTransport: ClientTransport {
    let body: [UInt8]
    var breaksOff = false

    func send(_ request: HTTPRequest, body requestBody: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let json = HTTPFields([HTTPField(name: .contentType, value: "application/json")])
        if request.path?.hasSuffix("/auth/refreshAccessToken") == true {
            return (HTTPResponse(status: .ok, headerFields: json), HTTPBody(#"{"token":"t","validUntil":"2099-01-01T00:00:00Z"}"#))
        }
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: ArraySlice<UInt8>.self)
        for start in stride(from: 0, to: body.count, by: 65_536) { continuation.yield(body[start..<min(body.count, start + 65_536)]) }
        continuation.finish(throwing: breaksOff ? URLError(.networkConnectionLost) : nil)
        return (HTTPResponse(status: .ok, headerFields: json), HTTPBody(stream, length: .unknown, iterationBehavior: .single))
    }
}

/// `count` plain locations of about 300 bytes each, then `tail` (which closes the answer).
private func largeAnswer(count: Int, tail: String) -> [UInt8] {
    var body = Array(#"{"locations":["#.utf8)
    for index in 0..<count {
        if index > 0 { body.append(UInt8(ascii: ",")) }
        body += Array(#"{"id":"L\#(index)","name":"Location number \#(index) with a name long enough to matter","city":"Somewhere","address":"Long Street \#(index), building with a long description of where the door is"}"#.utf8)
    }
    return body + Array(tail.utf8)
}

/// Feeds `body` to a scanner in chunks of `size` bytes (the last may be shorter), collecting
/// the items of every batch as JSON values.
private func scan(_ body: String, chunkSize size: Int) throws -> (status: ListScanner.Status, items: [NSObject]) {
    var scanner = ListScanner(key: "locations")
    var items: [NSObject] = []
    let bytes = Array(body.utf8)
    func drain() throws {
        while let batch = scanner.withCompleteItems { ListScanner.answer(key: scanner.key, items: $0) } {
            scanner.dropCompleteItems()
            let object = try JSONSerialization.jsonObject(with: Data(batch), options: [.fragmentsAllowed]) as? [String: Any]
            items += try #require(object?["locations"] as? [NSObject])
        }
    }
    for start in stride(from: 0, to: bytes.count, by: size) {
        scanner.feed(bytes[start..<min(bytes.count, start + size)])
        try drain()
    }
    try drain()
    return (scanner.status, items)
}

private func jsonItems(_ body: String) throws -> [NSObject] {
    let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
    return try #require(object?["locations"] as? [NSObject])
}

@Suite("The streamed locations list")
struct LocationStreamingTests {
    static let regular: [String] = [
        #"{"locations":[]}"#,
        #" { "locations" : [ ] } "#,
        #"{"locations":[{"id":"a","name":"One"},{"id":"b","name":"Two"}]}"#,
        #"{"before":{"x":[1,{"y":"]}"}]},"locations":[{"id":"a"}],"after":[true,null,-1.5e3]}"#,
        #"{"locations":[{"id":"q\"uote","name":"brace } bracket ] comma , colon :","tags":[[],{},[{"a":[1,2,{"b":"\\"}]}]]}]}"#,
        "{\n  \"locations\": [\n    {\"id\": \"a\", \"lat\": 60.1},\n    {\"id\": \"b\", \"lat\": -0.5}\n  ]\n}\n",
        #"{"locations":[1,"text",null,{"id":"z"},[2]]}"#,
        #"{"locations":[{"name":"Jyväskylä 東京 ⚡"}]}"#,
    ]

    @Test("any chunking of a plain answer gives exactly its items, complete", arguments: regular)
    func regularBodies(_ body: String) throws {
        let expected = try jsonItems(body)
        for size in [1, 2, 3, 7, 64, body.utf8.count] {
            let (status, items) = try scan(body, chunkSize: size)
            #expect(status == .complete, "chunk size \(size)")
            #expect(items == expected, "chunk size \(size)")
        }
    }

    static let irregular: [String] = [
        #"[{"locations":[]}]"#,
        #"{"locations":{"id":"x"}}"#,
        #"{"locations":null}"#,
        #"{"other":[]}"#,
        #"{}"#,
        #"{"locations":[{"id":"a"]}]}"#,
        #"{"locations":[]} trailing"#,
        #"{"locations":[]}{}"#,
        #"{"locations":[,{"id":"a"}]}"#,
        #"{"locations" [] }"#,
        "{\"locations\":[" + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "]}",
    ]

    @Test("an answer of any other shape is flagged, so it is decoded whole", arguments: irregular)
    func irregularBodies(_ body: String) throws {
        for size in [1, 5, body.utf8.count] {
            var scanner = ListScanner(key: "locations")
            let bytes = Array(body.utf8)
            for start in stride(from: 0, to: bytes.count, by: size) {
                scanner.feed(bytes[start..<min(bytes.count, start + size)])
                scanner.dropCompleteItems()
            }
            #expect(scanner.status == .irregular, "chunk size \(size)")
        }
    }

    @Test("a second locations list is passed over, as the decoder does: the first one counts")
    func duplicateKey() throws {
        let (status, items) = try scan(#"{"locations":[{"id":"x"}],"locations":[{"id":"y"},{"id":"z"}]}"#, chunkSize: 3)
        #expect(status == .complete)
        #expect(items == [["id": "x"] as NSDictionary])
    }

    @Test("an irregular answer says what and where")
    func problems() {
        func problem(_ body: String) -> String {
            var scanner = ListScanner(key: "locations")
            scanner.feed(Array(body.utf8))
            return scanner.problem
        }
        #expect(problem(#"{"locations":[{"id":"a"]}"#) == "unbalanced ']' at byte 23")
        #expect(problem(#"{"locations":[]} x"#) == "more data after the end of the answer at byte 17")
        #expect(problem(#"{"other":1}"#) == #"no "locations" list at byte 10"#)
        #expect(problem("{\"locations\":\u{7}") == "unexpected byte 0x7 at byte 13")
    }

    @Test("the envelope's keys and other values are kept as written, for checking as JSON")
    func extras() throws {
        var scanner = ListScanner(key: "locations")
        scanner.feed(Array(#"{"count": 2, "locations":[{"id":"a"}], "next" : {"k":[1,"]"]}, "x":tru}"#.utf8))
        #expect(scanner.status == .complete)
        #expect(scanner.extras.map { String(decoding: $0, as: UTF8.self) } == [#""count""#, "2", #""locations""#, #""next""#, #"{"k":[1,"]"]}"#, #""x""#, "tru"])
    }

    @Test("a syntax error outside the list fails the streamed read as it fails the one-piece read")
    func syntaxOutsideTheList() async throws {
        for tail in [#"],"x":tru}"#, #"],"x":[1 2]}"#, #"],"x":{"a" 1}}"#] {
            let small = try client(Array(#"{"locations":[{"id":"a"}"#.utf8) + Array(tail.utf8))
            await #expect(throws: ChargEyeError.self) { _ = try await small.streamLocations { _ in } }
            await #expect(throws: ChargEyeError.self) { _ = try await small.locations() }
            let large = try client(largeAnswer(count: 25_000, tail: tail))
            await #expect(throws: ChargEyeError.self, "\(tail)") { _ = try await large.streamLocations { _ in } }
        }
        let fine = try client(largeAnswer(count: 25_000, tail: #"],"count":25000,"note":"1e999 \" ]"}"#))
        #expect(try await fine.streamLocations { _ in } == 25_000)
    }

    @Test("a cut-off answer never reads as complete")
    func truncated() throws {
        let body = #"{"locations":[{"id":"a"},{"id":"b","name":"Cut off"#
        let (status, items) = try scan(body, chunkSize: 4)
        #expect(status == .reading)
        #expect(items.count == 1)
    }

    @Test("a large list arrives in several parts that add up to what the one-piece call returns")
    func streamedFromTheSimulator() async throws {
        try await withSimulator({ $0.locations = 12_000 }) { simulator in
            let client = try makeClient(simulator)
            let parts = Recorder<LocationPart>()
            let count = try await client.streamLocations { parts.append($0) }
            let whole = try await client.locations()
            #expect(count == 12_000)
            #expect(parts.values.count > 2, "the first rows should come before the rest")
            #expect(parts.values.allSatisfy { !$0.replacesEarlierParts })
            #expect(parts.values.flatMap(\.locations) == whole)
            #expect(simulator.requestCounts["/locations"] == 2)
        }
    }

    @Test("the simulator's streamed list has every location once, each as its one-location answer gives it")
    func simulatorStreamsFaithfully() async throws {
        try await withSimulator({ $0.locations = 12_000 }) { simulator in
            let client = try makeClient(simulator)
            let all = try await client.locations()
            #expect(all.count == 12_000)
            #expect(Set(all.map(\.id)).count == 12_000)
            // Items next to the simulator's chunk boundaries (every 500) and a few others.
            for index in [0, 499, 500, 501, 999, 1_000, 5_999, 6_000, 11_499, 11_500, 11_999] {
                #expect(try await client.location(uid: all[index].id) == all[index], "location \(index)")
            }
        }
    }

    @Test("a small list (answered in one piece) is one part equal to the one-piece call")
    func smallList() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator)
            let parts = Recorder<LocationPart>()
            let count = try await client.streamLocations { parts.append($0) }
            #expect(count == 40)
            #expect(parts.values.flatMap(\.locations) == (try await client.locations()))
        }
    }

    @Test("a server error before the body is retried and reported as for the one-piece call")
    func errorsBeforeTheBody() async throws {
        try await withSimulator({ $0.faults.rules = [FaultRule(path: "/locations", status: 503, times: 1)] }) { simulator in
            let client = try makeClient(simulator)
            let parts = Recorder<LocationPart>()
            #expect(try await client.streamLocations { parts.append($0) } == 40)
            #expect(simulator.requestCounts["/locations"] == 2)
        }
        // Every answer a 404 (not only the first): on a loaded machine a first attempt may time
        // out and be retried, and the 404 must still be what the call reports.
        try await withSimulator({ $0.faults.rules = [FaultRule(path: "/locations", status: 404)] }) { simulator in
            let client = try makeClient(simulator)
            await #expect {
                _ = try await client.streamLocations { _ in }
            } throws: { error in
                guard case .http(let failure)? = error as? ChargEyeError else { return false }
                return failure.status == 404
            }
        }
    }

    /// A client over `ChunkedTransport`.
    private func client(_ body: [UInt8], breaksOff: Bool = false) throws -> ChargEyeClient {
        var configuration = ChargEyeConfiguration(baseURL: URL(string: "http://127.0.0.1:9/api")!, refreshToken: Secret("r"))
        configuration.tokenCacheDirectory = nil
        return try ChargEyeClient(configuration: configuration, transport: ChunkedTransport(body: body, breaksOff: breaksOff))
    }

    @Test("a connection that drops mid-answer hands over every item that came whole before it, then fails")
    func droppedConnection() async throws {
        let body = largeAnswer(count: 3_123, tail: "") + Array(#",{"id":"L3123","na"#.utf8)
        let parts = Recorder<LocationPart>()
        await #expect(throws: (any Error).self) {
            _ = try await client(body, breaksOff: true).streamLocations { parts.append($0) }
        }
        #expect(parts.values.flatMap(\.locations).map(\.id) == (0..<3_123).map { "L\($0)" })
    }

    @Test("past the kept size, a defect late in a large answer fails with where it is, and the parts before it stand",
          arguments: [
            (#",{"id":5}]}"#, "locations[25000].id"),
            (#",{"id":"cut"#, "the answer ends early, after 25000 locations (Unexpected end of file)"),
            (#"]} trailing"#, "more data after the end of the answer at byte"),
          ])
    func lateDefects(tail: String, says: String) async throws {
        let body = largeAnswer(count: 25_000, tail: tail)
        #expect(body.count > 4 << 20)
        let parts = Recorder<LocationPart>()
        await #expect {
            _ = try await client(body).streamLocations { parts.append($0) }
        } throws: { error in
            "\(error)".contains(says)
        }
        #expect(parts.values.flatMap(\.locations).count >= 24_000)
        #expect(parts.values.flatMap(\.locations).map(\.id) == (0..<parts.values.flatMap(\.locations).count).map { "L\($0)" })
    }

    @Test("a large plain answer in chunks decodes completely")
    func largePlainAnswer() async throws {
        let parts = Recorder<LocationPart>()
        let count = try await client(largeAnswer(count: 20_000, tail: "]}")).streamLocations { parts.append($0) }
        #expect(count == 20_000)
        #expect(parts.values.flatMap(\.locations).map(\.id) == (0..<20_000).map { "L\($0)" })
    }
}
