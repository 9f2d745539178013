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

    @OptionGroup var repeating: WatchOption

    func run() async throws {
        try await repeating.run(connection) { [assets, format, locationUid] session in
            if assets {
                let (records, source) = try await session.client.keepingSource { try await $0.stationAssets(locationUid: locationUid) }
                return try JSONOutput.array(records, sources: source?.member("stations")?.elements)
            }
            let (stations, source) = try await session.client.keepingSource(format == .json) { try await $0.stations(locationUid: locationUid) }
            return try StationRecords.render(stations, source: source, format: format)
        }
    }
}
