import ChargEyeAPI
import ChargEyeFleet
import ChargEyeMonitoring
import Foundation
import Testing

/// `chargeye check`'s verdict and output, as a monitoring system parses them.
@Suite("Fleet check (Monitoring Plugins)")
struct FleetCheckTests {
    /// One status line, `SERVICE STATE - text | label=value;warn;crit;min;max ...`.
    nonisolated(unsafe) static let statusLine = #/^CHARGEYE (OK|WARNING|CRITICAL|UNKNOWN) - [^|\n]+ \| ([a-z_]+=\d+(\.\d+)?(;[@~:.\d]*){0,4} ?)+$/#

    func check(_ stations: [Station] = Stations.fleet, warning: [String] = [], critical: [String] = [], gaps: [FleetStations.Gap] = []) throws -> FleetCheck {
        FleetCheck(
            fleet: FleetStations(collecting: stations, source: .unfiltered, gaps: gaps),
            thresholds: try CheckThresholds(warning: warning, critical: critical)
        )
    }

    @Test("counts and percentages pick the state; performance data carries every measure with thresholds in counts")
    func states() throws {
        #expect(try check(warning: ["offline=2"]).state == .ok)
        #expect(try check(warning: ["offline=1"]).state == .warning)
        #expect(try check(warning: ["offline=1"], critical: ["faulted=0"]).state == .critical)
        #expect(try check(critical: ["offline=10%"]).state == .critical) // 2 of 10 is 20 %
        let result = try check(warning: ["offline=1"], critical: ["offline=30%"])
        let first = try #require(result.output.split(separator: "\n").first)
        #expect(first.wholeMatch(of: Self.statusLine) != nil, "\(first)")
        #expect(first.contains("2 stations offline (20.0%) outside warning range 1"))
        #expect(first.contains("offline=2;1;3;0;10 "))
        #expect(first.contains("faulted_connectors=1;;;0;12"))
    }

    @Test("the defaults: warning above 5 % offline or 2 % faulted, critical above 20 % or 10 %")
    func defaults() throws {
        // 1 of 10 faulted (10 %) and 2 offline (20 %): above both warnings, at but not above the criticals.
        #expect(try check().state == .warning)
        #expect(try check(Stations.fleet + [Stations.station("B4", location: "LB", online: "Offline")]).state == .critical)
        let healthy = Stations.fleet.filter { $0.stationId != "A2" && !$0.stationId.hasPrefix("B") }
        #expect(try check(healthy).state == .ok)
        let oneOffline = healthy + [Stations.fleet[3]]
        #expect(try check(oneOffline).state == .warning) // 1 of 9 = 11 %
    }

    @Test("detail lines list the problem stations worst first after the status line")
    func details() throws {
        let lines = try check(warning: ["offline=1"]).output.split(separator: "\n").dropFirst()
        #expect(lines.map { String($0.prefix(2)) } == ["A2", "B2", "B1", "C1"])
        #expect(lines.first?.contains("A2 (Alpha): Faulted, last activity 1970-01-01T00:16:40") == true)
    }

    @Test("a partial read is judged on what came and is never OK")
    func incomplete() throws {
        let gap = FleetStations.Gap(locationUid: "LZ", error: .http(.init(request: .init(method: "GET", path: "/stations?locationUid=LZ"), status: 503)))
        let result = try check(warning: ["offline=5"], gaps: [gap])
        #expect(result.state == .warning)
        #expect(result.output.hasPrefix("CHARGEYE WARNING - INCOMPLETE: 1 location could not be read (HTTP 503)"))
    }

    @Test("names from the API cannot break the plugin line: no pipe, no control characters")
    func hostileNames() throws {
        var station = Stations.station("EVIL|1", location: "L\u{1B}[31m", status: "Faulted", locationName: "Depot | x\n\u{1B}]0;pwned\u{07}")
        station.name = "n"
        let output = try check([station]).output
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].filter { $0 == "|" }.count == 1)
        #expect(!lines[1].contains("|") && !output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test("an account that sees no station is UNKNOWN, unless a stations threshold judges it")
    func empty() throws {
        let nothing = try check([])
        #expect(nothing.state == .unknown && nothing.output.hasPrefix("CHARGEYE UNKNOWN - no stations visible to this account"))
        #expect(try check([], critical: ["stations=1:"]).state == .critical)
        #expect(try check([], warning: ["stations=0:"]).state == .ok)
    }

    @Test("UNKNOWN carries the reason and exit code 3")
    func unknown() {
        let result = FleetCheck(unknown: "GET /stations failed: HTTP 503 | down")
        #expect(result.state == .unknown && result.state.rawValue == 3)
        #expect(result.output == "CHARGEYE UNKNOWN - GET /stations failed: HTTP 503 / down")
    }
}
