import ChargEyeAPI
import ViewModels

/// How connectors (with their live or last session) appear in tables and CSV.
enum ConnectorRecords {
    static let fields = ["stationId", "connectorId", "name", "type", "status", "maxPowerKw", "txId", "soc", "chargedEnergyKwh", "powerKw", "startTime"]

    static func rows(_ station: Station) -> [[String]] {
        let transcoder = TolerantDateTranscoder()
        return (station.connectors ?? []).map { connector in
            let session = connector.session
            return [station.stationId, connector.id, connector.name ?? "", connector._type?.text ?? "", connector.status?.text ?? "",
                    Format.number(connector.maxPowerKw), session?.txId ?? "", Format.number(session?.soc),
                    Format.number(session?.chargedEnergyKwh, decimals: 2), Format.number(session?.powerKw),
                    session?.startTime.flatMap { try? transcoder.encode($0) } ?? ""]
        }
    }

    static func render(_ stations: [Station], source: RawJSON?, format: OutputFormat) throws -> String {
        switch format {
        case .json:
            // Every connector as the server sent it, station after station.
            let stationSources = source?.member("stations")?.elements
            let connectorSources = stationSources?.count == stations.count
                ? stationSources?.flatMap { $0.member("connectors")?.elements ?? [] } : nil
            return try JSONOutput.array(stations.flatMap { $0.connectors ?? [] }, sources: connectorSources)
        case .csv:
            return CSVWriter.render(header: fields, rows: stations.flatMap(rows))
        case .table:
            let columns: [TextTable.Column] = [
                .init(title: "STATION", flexible: false), .init(title: "#", flexible: false), .init(title: "TYPE", flexible: false),
                .init(title: "STATUS", flexible: false), .init(title: "KW NOW/MAX", alignRight: true, flexible: false),
                .init(title: "SOC %", alignRight: true, flexible: false), .init(title: "KWH", alignRight: true, flexible: false),
                .init(title: "SINCE"),
            ]
            let rows = stations.flatMap { station in
                (station.connectors ?? []).map { connector -> [String] in
                    let session = connector.session
                    return [station.stationId, connector.id, connector._type?.text ?? "", connector.status?.text ?? "",
                            "\(Format.number(connector.powerNowKw))/\(Format.number(connector.maxPowerKw))",
                            Format.number(session?.soc, decimals: 0), Format.number(session?.chargedEnergyKwh),
                            session?.startTime.map { Format.clock($0, zone: .current) } ?? ""]
                }
            }
            return TextTable(columns: columns, rows: rows).render(width: Standard.terminalWidth)
        }
    }
}
