import ChargEyeAPI
import ViewModels

/// How live stations appear in tables and CSV.
enum StationRecords {
    static let fields = ["stationId", "name", "status", "onlineStatus", "currentPowerKw", "maxPowerKw", "connectors", "locationUid"]

    static func csvRow(_ station: Station) -> [String] {
        [station.stationId, station.name ?? "", station.status?.text ?? "", station.onlineStatus?.text ?? "",
         Format.number(station.currentPowerKw), Format.number(station.maxPowerKw),
         String(station.connectors?.count ?? 0), station.locationUid ?? ""]
    }

    static func render(_ stations: [Station], source: RawJSON?, format: OutputFormat) throws -> String {
        switch format {
        case .table: table(stations).render(width: Standard.terminalWidth)
        case .json: try JSONOutput.array(stations, sources: source?.member("stations")?.elements)
        case .csv: CSVWriter.render(header: fields, rows: stations.map(csvRow))
        }
    }

    static func table(_ stations: [Station]) -> TextTable {
        TextTable(
            columns: [.init(title: "STATION", flexible: false), .init(title: "NAME"), .init(title: "STATUS"),
                      .init(title: "ONLINE"), .init(title: "KW NOW/MAX", alignRight: true, flexible: false),
                      .init(title: "CONNECTORS")],
            rows: stations.map { station in
                [station.stationId, station.name ?? "", station.status?.text ?? "?", station.onlineStatus?.text ?? "?",
                 "\(Format.number(station.currentPowerKw ?? 0))/\(StationText.maxPower(station))",
                 StationText.connectorSummary(station.connectors ?? [])]
            }
        )
    }
}
