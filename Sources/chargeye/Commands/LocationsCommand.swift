import ArgumentParser
import ChargEyeAPI

/// `chargeye locations`: every location visible to the account.
struct LocationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "locations", abstract: "List locations.")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: "Only locations whose name, city, country, address or id contains this text (case-insensitive).")
    var filter: String?

    @OptionGroup var repeating: WatchOption

    func run() async throws {
        try await repeating.run(connection) { [format, filter] session in
            let (all, source) = try await session.client.keepingSource(format == .json) { try await $0.locations() }
            var kept = Array(all.indices)
            if let filter, !filter.isEmpty { kept = kept.filter { LocationRecords.matches(all[$0], filter: filter) } }
            let locations = kept.map { all[$0] }
            switch format {
            case .table: return LocationRecords.table(locations).render(width: Standard.terminalWidth)
            case .json:
                let sources = source?.member("locations")?.elements
                return try JSONOutput.array(locations, sources: sources?.count == all.count ? kept.map { sources![$0] } : nil)
            case .csv: return CSVWriter.render(header: LocationRecords.fields, rows: locations.map(LocationRecords.csvRow))
            }
        }
    }
}
