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
        let (location, source) = try await Session.with(connection) { [uid, format] session in
            try await session.client.keepingSource(format == .json) { try await $0.location(uid: uid) }
        }
        switch format {
        case .json:
            // The location itself, whether the server wrapped it as {"location": ...} or not.
            let own = source.flatMap { $0.member("location") ?? ($0.member("id") != nil ? $0 : nil) }
            Standard.out(try JSONOutput.item(location, source: own))
        case .table, .csv: Standard.out(LocationRecords.detail(location).render(width: Standard.terminalWidth))
        }
    }
}
