import ChargEyeAPI

/// How live stations appear in tables and CSV.
enum StationRecords {
    static let fields = ["stationId", "name", "status", "onlineStatus", "currentPowerKw", "maxPowerKw", "connectors", "locationUid"]

    static func csvRow(_ station: Station) -> [String] {
        [station.stationId, station.name ?? "", station.status?.text ?? "", station.onlineStatus?.text ?? "",
         Formatting.number(station.currentPowerKw), Formatting.number(station.maxPowerKw),
         String(station.connectors?.count ?? 0), station.locationUid ?? ""]
    }

    static func table(_ stations: [Station]) -> TextTable {
        TextTable(
            columns: [.init(title: "STATION", flexible: false), .init(title: "NAME"), .init(title: "STATUS"),
                      .init(title: "ONLINE"), .init(title: "KW NOW/MAX", alignRight: true, flexible: false),
                      .init(title: "CONNECTORS")],
            rows: stations.map { station in
                [station.stationId, station.name ?? "", station.status?.text ?? "?", station.onlineStatus?.text ?? "?",
                 "\(Formatting.number(station.currentPowerKw ?? 0))/\(maxPower(station))",
                 connectorSummary(station.connectors ?? [])]
            }
        )
    }

    /// The station's maximum power; 0 or absent means unknown, then the connectors' sum.
    static func maxPower(_ station: Station) -> String {
        if let power = station.maxPowerKw, power > 0 { return Formatting.number(power) }
        let fromConnectors = (station.connectors ?? []).compactMap(\.maxPowerKw).reduce(0, +)
        return fromConnectors > 0 ? "≤\(Formatting.number(fromConnectors))" : "?"
    }

    /// "2 Charging, 1 Available, 1 Faulted": connector counts by status, most frequent first.
    static func connectorSummary(_ connectors: [Connector]) -> String {
        var counts: [String: Int] = [:]
        for connector in connectors { counts[connector.status?.text ?? "Unknown", default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }
}
