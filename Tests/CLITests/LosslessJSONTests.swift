import ChargEyeSimulator
import Foundation
import Testing

/// `--format json` prints what the server sent: every member of every item, unknown ones and
/// nulls included, in the server's order, numbers spelled as sent. Served through the
/// simulator's fault rules (a 200 with a body of our own), run through the real binary.
@Suite("Lossless JSON output", .serialized)
struct LosslessJSONTests {
    let runner: CommandRunner

    init() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-lossless-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        runner = CommandRunner(home: home)
    }

    /// An item a typed model would change: unknown members (nested too), explicit nulls, a
    /// number past Double's precision, `1.50`, `1E2`, `-0`, escapes and a C1 control.
    static let station = #"""
        {"stationId":"S1","zeta":{"deep":[1,2,{"x":null}]},"name":null,"maxPowerKw":1.50,
         "serial":12345678901234567890,"ratio":1E2,"offset":-0,"note":"caf\u00e9 \"q\" \/ end\u009b",
         "connectors":[{"connectorId":3,"status":"Sleeping","lastTransaction":null,"cable":{"lengthM":5.0}}],
         "status":"Operative"}
        """#

    func run(_ path: String, body: String, _ arguments: [String]) async throws -> CommandRunner.Result {
        let simulator = try await Simulator.start()
        simulator.addFault(FaultRule(path: path, status: 200, body: body))
        var runner = runner
        runner.environment["CHARGEYE_BASE_URL"] = simulator.baseURL.absoluteString
        runner.environment["CHARGEYE_REFRESH_TOKEN"] = simulator.refreshToken
        defer { Task { await simulator.stop() } }
        return try await runner.run(arguments)
    }

    /// Both as JSON values (Foundation's parser on each side), so spacing does not count.
    func value(_ text: String) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? NSObject)
    }

    @Test("stations: every member as sent, in the server's order, numbers spelled as sent")
    func stations() async throws {
        let result = try await run("/stations", body: #"{"stations":[\#(Self.station)],"extra":true}"#, ["stations", "LOC", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try value(result.stdout) == value("[\(Self.station)]"))
        let order = ["\"stationId\"", "\"zeta\"", "\"name\": null", "\"maxPowerKw\": 1.50", "12345678901234567890", "1E2", "-0", "\"status\""]
        let positions = order.map { result.stdout.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(result.stdout)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(result.stdout.contains(#"end\u009b""#))
    }

    @Test("raw control and bidi characters from the server go out as \\u escapes, never raw")
    func inert() async throws {
        let station = "{\"stationId\":\"S1\",\"name\":\"Hall\u{9B}2J\u{7F} \u{202E}A\",\"status\":\"Operative\"}"
        let result = try await run("/stations", body: "{\"stations\":[\(station)]}", ["stations", "LOC", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#"Hall\u009b2J\u007f \u202eA"#), "\(result.stdout)")
        #expect(!result.stdout.unicodeScalars.contains { [0x9B, 0x7F, 0x202E].contains($0.value) })
        #expect(try value(result.stdout) == value("[\(station)]"))
    }

    @Test("connectors: the connector objects as sent, station after station")
    func connectors() async throws {
        let result = try await run("/stations", body: #"{"stations":[\#(Self.station)]}"#, ["connectors", "S1", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try value(result.stdout) == value(#"[{"connectorId":3,"status":"Sleeping","lastTransaction":null,"cable":{"lengthM":5.0}}]"#))
    }

    @Test("transactions: items as sent; an item repeated on the page is printed once, as it first came")
    func transactions() async throws {
        let first = #"{"txId":"A","power":141250,"voltage":401.20,"vendorExtension":{"a":[]},"endTime":null}"#
        let second = #"{"txId":"B","chargedEnergyKwh":1e1,"status":"Paused"}"#
        let repeated = #"{"txId":"A","power":0}"#
        let body = #"{"transactions":[\#(first),\#(second),\#(repeated)],"summary":{"count":2}}"#
        let result = try await run("/chargingStations/S1/transactions", body: body, ["transactions", "S1", "--all", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try value(result.stdout) == value("[\(first),\(second)]"))
        #expect(result.stdout.contains("401.20") && result.stdout.contains("1e1"))
    }

    @Test("location: the location itself, wrapped or bare")
    func location() async throws {
        let location = #"{"id":"L1","name":null,"geo":[{"type":"Feature"}],"tenantIds":["t"],"openingTimes":{"twentyfourseven":true}}"#
        for body in [#"{"location":\#(location)}"#, location] {
            let result = try await run("/locations/L1", body: body, ["location", "L1", "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try value(result.stdout) == value(location))
        }
    }

    @Test("vehicles and locations keep what the model has no field for")
    func vehiclesAndLocations() async throws {
        let vehicle = #"{"id":"V1","locationUid":null,"V2icp":{"vin":"YV3","v2icp":{"raw":[1,2]}},"depotGroup":"North"}"#
        let vehicles = try await run("/vehicles", body: #"{"vehicles":[\#(vehicle)]}"#, ["vehicles", "L1", "--format", "json"])
        #expect(vehicles.status == 0, "\(vehicles.stderr)")
        #expect(try value(vehicles.stdout) == value("[\(vehicle)]"))
        let places = #"[{"id":"a","name":"North depot","x":1},{"id":"b","name":"South","y":null}]"#
        let locations = try await run("/locations", body: #"{"locations":\#(places)}"#, ["locations", "--format", "json", "--filter", "north"])
        #expect(locations.status == 0, "\(locations.stderr)")
        #expect(try value(locations.stdout) == value(#"[{"id":"a","name":"North depot","x":1}]"#))
    }

    @Test("a field of the wrong type is still a clear error naming its path, exit 5; nulls and unknown members never are")
    func wrongType() async throws {
        let body = #"{"transactions":[{"txId":"A"},{"txId":"B","power":"141 kW","unknown":null}]}"#
        let result = try await run("/chargingStations/S1/transactions", body: body, ["transactions", "S1", "--format", "json"])
        #expect(result.status == 5)
        #expect(result.stderr.contains("transactions[1].power"), "\(result.stderr)")
        #expect(result.stderr.contains("expected a number"), "\(result.stderr)")
    }
}
