import ArgumentParser
import ChargEyeAPI

/// `chargeye location UID`: one location in full.
struct LocationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "location", abstract: "Show one location.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The location's id (its locationUid).")
    var uid: String

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if format == .csv { throw ValidationError("--format csv is for lists; use table or json") }
    }

    func run() async throws {
        let location = try await Session.with(connection) { [uid] in try await $0.client.location(uid: uid) }
        switch format {
        case .json: Standard.out(try JSONOutput.render(location))
        case .table, .csv: Standard.out(LocationRecords.detail(location).render(width: Standard.terminalWidth))
        }
    }
}
