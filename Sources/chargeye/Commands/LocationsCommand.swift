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
            var locations = try await session.client.locations()
            if let filter, !filter.isEmpty { locations = locations.filter { LocationRecords.matches($0, filter: filter) } }
            switch format {
            case .table: return LocationRecords.table(locations).render(width: Standard.terminalWidth)
            case .json: return try JSONOutput.render(locations)
            case .csv: return CSVWriter.render(header: LocationRecords.fields, rows: locations.map(LocationRecords.csvRow))
            }
        }
    }
}
