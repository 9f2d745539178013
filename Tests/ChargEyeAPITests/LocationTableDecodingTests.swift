@testable import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Testing

@Suite("Streamed batches decoded from their bytes")
struct LocationTableDecodingTests {
    private static func batch(_ items: String) -> [UInt8] {
        Array(#"{"locations":[\#(items)]}"#.utf8)
    }

    /// What the fast path makes of a batch's items.
    private static func fast(_ items: String) -> [Location]? {
        fast(Array(items.utf8))
    }

    private static func fast(_ items: [UInt8]) -> [Location]? {
        items.withUnsafeBufferPointer(LocationTable.decoding(items:)).map(Array.init)
    }

    /// What the generated types decode from the same bytes (the reference).
    private static func reference(_ bytes: [UInt8]) throws -> [Location] {
        try JSONDecoder().decode(Components.Schemas.LocationList.self, from: Data(bytes)).locations
    }

    static let regular: [String] = [
        #"{"id":"a"}"#,
        #"{"id":"a","name":null,"city":"","lat":0,"lng":-1.5,"labels":[],"operator":{}}"#,
        #" { "id" : "b" , "name" : "Jyväskylä Depot 🚌" , "lat" : 60.2498 , "lng" : 24.858700000000002 } "#,
        #"{"id":"c","address":"Line\nbreak \"quoted\" back\\slash tab\t cr\r ff\f bs\b","operator":{"website":"https:\/\/citybus.example","name":"CityBus Depots Oy"}}"#,
        #"{"id":"d","lat":1e5,"lng":-2.5E-7,"postalCode":"00100","countryCode":"FI","state":null,"labels":null,"operator":null}"#,
        #"{"id":"e","labels":[{"value":"Depot"},{"value":"Fleet","tenantIds":["t1","t2"]},{"value":"x","tenantIds":null,"extra":[1,{"a":[true,false,null]}]}]}"#,
        #"{"unknown":{"deep":[[["x"]]],"n":-0.0e+1},"id":"f","roamingPoolId":"pool","tenantIdCPO":"cpo","tenantIdEMSP":"emsp","locationId":"REF-1"}"#,
        #"{"id":"g","lat":12345678901234567890,"lng":0.1}"#,
        #"{"id":"i","lat":0.000e-5,"lng":0}"#,
        #"{"id":"h","name":"J\u00e4rvenp\u00C4\u00e4 \ud83d\ude8c \u0041\u20AC"}"#,
        // Values shared by the next item are taken by their bytes; others are read.
        #"{"id":"a","labels":[{"value":"x"}],"operator":{"name":"o"},"tenantIds":["t"]},{"id":"b","labels":[{"value":"x"}],"operator":{"name":"o"},"tenantIds":["t"]},{"id":"c","labels":[{"value":"y"}],"operator":null,"tenantIds":["t","u"]},{"id":"d","labels":[{"value":"x"}],"operator":{"name":"o","website":null}}"#,
        #"{"id":"a","city":"Oslo","country":"NO"},{"id":"b","city":"Oslo","country":"NO"},{"id":"c","city":"Bergen","country":"NO"},{"id":"d","city":"Oslo"}"#,
        #"{"id":"m","geo":[],"bounds":[[60.1,24.9],[60.2,25.0]],"positionEstimate":null},{"id":"n","geo":null,"bounds":null}"#,
    ]

    @Test("gives what the generated decoder gives for regular items", arguments: regular)
    func regularItems(_ item: String) throws {
        let fast = try #require(Self.fast(item))
        #expect(fast == (try Self.reference(Self.batch(item))))
    }

    @Test("a whole simulator answer, fast path equal to the generated decoder")
    func simulatorAnswer() async throws {
        try await withSimulator({ $0.locations = 3_000 }) { simulator in
            let bytes = Array(try await makeClient(simulator).get(path: "/locations").body)
            var scanner = ListScanner(key: "locations")
            scanner.feed(bytes)
            #expect(scanner.status == .complete)
            let fast = try #require(scanner.withCompleteItems(LocationTable.decoding(items:)) ?? nil)
            #expect(fast.count == 3_000)
            #expect(Array(fast) == (try Self.reference(bytes)))
        }
    }

    static let irregular: [String] = [
        #"{"name":"no id"}"#,
        #"{"id":null}"#,
        #"{"id":"a","id":"b"}"#,
        #"{"id":"a","name":"\ud83d"}"#,
        #"{"id":"a","name":"\ude8c\ud83d"}"#,
        #"{"id":"a","name":"\u00g0"}"#,
        #"{"id":"a","name":"\u+0e4"}"#,
        #"{"id":"a","n\u0061me":"x"}"#,
        #"{"id":"a","lat":"60.1"}"#,
        #"{"id":"a","lat":-0}"#,
        #"{"id":"a","lat":1e400}"#,
        #"{"id":"a","lat":2e-324}"#,
        #"{"id":"a","lat":01}"#,
        #"{"id":"a","lat":1.}"#,
        #"{"id":"a","x":tru}"#,
        #"{"id":"a","x":[1 2]}"#,
        #"{"id":"a","labels":[{"tenantIds":["t"]}]}"#,
        #"{"id":"a","labels":[{"value":"v","tenantIds":[null]}]}"#,
        #"{"id":"a","operator":"Kempower"}"#,
        #"{"id":"a","geo":[{"type":"Point"}]}"#,
        #"{"id":"a","positionEstimate":{}}"#,
        #"{"id":"a","labels":[{"value":"x"}]},{"id":"b","labels":[{"value":"x"}],"labels":[]}"#,
        #"{"id":"a",}"#,
        "{\"id\":\"a\",\"name\":\"raw\u{01}control\"}",
        #"[1]"#,
        #"{"id":"a"} {"id":"b"}"#,
        String(repeating: #"{"id":"a","x":"#, count: 1) + String(repeating: "[", count: 80) + String(repeating: "]", count: 80) + "}",
    ]

    @Test("gives up on anything else, for the generated decoder to decide", arguments: irregular)
    func irregularItems(_ item: String) {
        #expect(Self.fast(item) == nil)
    }

    @Test("gives up on invalid UTF-8, on bytes after the items and on an item cut off")
    func invalidBytes() {
        #expect(Self.fast(Array(#"{"id":"a"#.utf8) + [0xFF] + Array(#""}"#.utf8)) == nil)
        #expect(Self.fast(#"{"id":"a"}x"#) == nil)
        #expect(Self.fast(#"{"id":"a"},"#) == nil)
        #expect(Self.fast(#"{"id":"a""#) == nil)
    }
}
