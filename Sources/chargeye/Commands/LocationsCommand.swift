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

    func run() async throws {
        var locations = try await Session.with(connection) { try await $0.client.locations() }
        if let filter, !filter.isEmpty { locations = locations.filter { LocationRecords.matches($0, filter: filter) } }
        switch format {
        case .table: Standard.out(LocationRecords.table(locations).render(width: Standard.terminalWidth))
        case .json: Standard.out(try JSONOutput.render(locations))
        case .csv: Standard.out(CSVWriter.render(header: LocationRecords.fields, rows: locations.map(LocationRecords.csvRow)))
        }
    }
}
