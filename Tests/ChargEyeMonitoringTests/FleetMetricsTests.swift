import ChargEyeAPI
import ChargEyeFleet
import ChargEyeMonitoring
import Foundation
import Testing
import TestTools

/// The Prometheus exposition: names, labels and values, and Prometheus' own linter on it.
@Suite("Fleet metrics (Prometheus)")
struct FleetMetricsTests {
    func reading(_ stations: [Station] = Stations.fleet) -> FleetMetrics.Reading {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        return .init(fleet: FleetStations(collecting: stations, source: .unfiltered), error: nil, finishedAt: now, duration: 0.25, lastSuccess: now)
    }

    /// Series lines as `name{labels}` → value.
    func series(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            values[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        return values
    }

    @Test("fleet, location and station series, in base units, with HELP and TYPE for each family")
    func families() {
        let text = FleetMetrics().exposition(reading())
        let values = series(text)
        #expect(values["chargeye_up"] == "1.0")
        #expect(values[#"chargeye_stations{status="Operative",online_status="Offline"}"#] == "2.0")
        #expect(values[#"chargeye_connectors{status="Faulted",type="CCS"}"#] == "1.0")
        #expect(values[#"chargeye_location_power_watts{location_uid="LC"}"#] == "200000.0")
        #expect(values[#"chargeye_location_info{location_uid="LA",name="Alpha"}"#] == "1.0")
        #expect(values[#"chargeye_station_online{location_uid="LB",station_id="B1"}"#] == "0.0")
        #expect(values[#"chargeye_station_max_power_watts{location_uid="LA",station_id="A1"}"#] == "300000.0")
        for family in Set(values.keys.map { String($0.prefix { $0 != "{" }) }) {
            #expect(text.contains("# HELP \(family) ") && text.contains("# TYPE \(family) gauge"), "\(family)")
        }
        let small = series(FleetMetrics(perStation: false).exposition(reading()))
        #expect(!small.keys.contains { $0.hasPrefix("chargeye_station_") } && small.count < values.count)
    }

    @Test("a failed read still answers: up 0, the HTTP status, when it last worked, and no stale fleet series")
    func failure() {
        let error = ChargEyeError.http(.init(request: .init(method: "GET", path: "/stations"), status: 503))
        let text = FleetMetrics().exposition(.init(fleet: nil, error: error, finishedAt: Date(), duration: 1, lastSuccess: Date(timeIntervalSince1970: 1_700_000_000)))
        let values = series(text)
        #expect(values["chargeye_up"] == "0.0")
        #expect(values["chargeye_last_error_http_status"] == "503.0")
        #expect(values["chargeye_last_success_timestamp_seconds"] == "1700000000.0")
        #expect(!values.keys.contains { $0.hasPrefix("chargeye_stations") })
    }

    @Test("promtool accepts the output, hostile ids and names included")
    func promtool() async throws {
        let hostile = Stations.station("S\"1\\\n", location: "L\u{1B}[2J", status: "Faul\"ted", locationName: "Depot\n# TYPE x counter")
        let text = FleetMetrics().exposition(reading(Stations.fleet + [hostile]))
        #expect(!text.contains("\n# TYPE x counter"))
        guard let promtool = ExternalTool.path("promtool") else {
            #expect(!ExternalTool.required, "promtool is missing (apt-get install prometheus)")
            return
        }
        let result = try await ExternalTool.run(promtool, ["check", "metrics"], input: text)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.isEmpty, "lint findings: \(result.output)")
    }
}
