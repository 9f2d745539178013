@testable import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Testing

/// Feeds `body` to a scanner in chunks of `size` bytes (the last may be shorter), collecting
/// the items of every batch as JSON values.
private func scan(_ body: String, chunkSize size: Int) throws -> (status: LocationListScanner.Status, items: [NSObject]) {
    var scanner = LocationListScanner()
    var items: [NSObject] = []
    let bytes = Array(body.utf8)
    func drain() throws {
        while let batch = scanner.takeBatch() {
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
        #"{"locations":[],"locations":[{"id":"x"}]}"#,
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
            var scanner = LocationListScanner()
            let bytes = Array(body.utf8)
            for start in stride(from: 0, to: bytes.count, by: size) {
                scanner.feed(bytes[start..<min(bytes.count, start + size)])
                _ = scanner.takeBatch()
            }
            #expect(scanner.status == .irregular, "chunk size \(size)")
        }
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
        try await withSimulator({ $0.faults.rules = [FaultRule(path: "/locations", status: 404, times: 1)] }) { simulator in
            let client = try makeClient(simulator)
            await #expect {
                _ = try await client.streamLocations { _ in }
            } throws: { error in
                guard case .http(let failure)? = error as? ChargEyeError else { return false }
                return failure.status == 404
            }
        }
    }
}
