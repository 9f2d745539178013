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

    /// The stations as `format`; `sources` are their own JSON, index for index; `showLocation`
    /// adds where each is (a fleet-wide list).
    static func render(_ stations: [Station], sources: [RawJSON]?, format: OutputFormat, showLocation: Bool = false) throws -> String {
        switch format {
        case .table: table(stations, showLocation: showLocation).render(width: Standard.terminalWidth)
        case .json: try JSONOutput.array(stations, sources: sources)
        case .csv: CSVWriter.render(header: fields, rows: stations.map(csvRow))
        }
    }

    static func table(_ stations: [Station], showLocation: Bool = false) -> TextTable {
        var columns: [TextTable.Column] = [
            .init(title: "STATION", flexible: false), .init(title: "NAME"), .init(title: "STATUS"),
            .init(title: "ONLINE"), .init(title: "KW NOW/MAX", alignRight: true, flexible: false), .init(title: "CONNECTORS"),
        ]
        if showLocation { columns.insert(.init(title: "LOCATION"), at: 2) }
        return TextTable(columns: columns, rows: stations.map { station in
            var row = [station.stationId, station.name ?? "", station.status?.text ?? "?", station.onlineStatus?.text ?? "?",
                       "\(Format.number(station.currentPowerKw ?? 0))/\(StationText.maxPower(station))",
                       StationText.connectorSummary(station.connectors ?? [])]
            // A station whose location name is unknown still shows, by its location id.
            if showLocation { row.insert(station.location?.name ?? station.locationUid ?? "", at: 2) }
            return row
        })
    }
}
