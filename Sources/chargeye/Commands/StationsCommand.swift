import ArgumentParser
import ChargEyeAPI

/// `chargeye stations LOCATION_UID`: a location's stations, live (or their asset records).
struct StationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stations", abstract: "List a location's charging stations with live status."
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The location's id.")
    var locationUid: String

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    @Flag(help: "Show the asset view (model, firmware, serial number) instead of live status; JSON only.")
    var assets = false

    func validate() throws {
        if assets, format != .json { throw ValidationError("--assets prints JSON; add --format json") }
    }

    func run() async throws {
        if assets {
            let records = try await Session.with(connection) { [locationUid] in
                try await $0.client.stationAssets(locationUid: locationUid)
            }
            Standard.out(try JSONOutput.render(records))
            return
        }
        let stations = try await Session.with(connection) { [locationUid] in
            try await $0.client.stations(locationUid: locationUid)
        }
        switch format {
        case .table: Standard.out(StationRecords.table(stations).render(width: Standard.terminalWidth))
        case .json: Standard.out(try JSONOutput.render(stations))
        case .csv: Standard.out(CSVWriter.render(header: StationRecords.fields, rows: stations.map(StationRecords.csvRow)))
        }
    }
}
