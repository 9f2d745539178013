import ArgumentParser
import ChargEyeAPI
import Foundation

/// `chargeye status`: what is broken across the fleet right now.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Summarise the fleet: stations and connectors by status, then the locations and stations with problems, worst first.",
        discussion: """
            Reads every station you can see in one GET /stations; if the server refuses that, one call per \
            location (4 at a time, up to --fleet-limit). Locations that fail are listed as INCOMPLETE and the \
            command exits 5 after printing what came.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var fleet: FleetOptions

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if format == .csv { throw ValidationError("status prints a table or JSON; for one row per station use `chargeye stations --format csv`") }
    }

    func run() async throws {
        let progress = FleetProgressLine()
        let report = try await Session.with(connection) { session in
            FleetReport(try await fleet.read(session, progress: progress.report))
        }
        for duplicate in report.fleet.duplicateIds.prefix(3) {
            Standard.error("warning: station \(FleetReport.clean(duplicate)) appears more than once in the answer; shown once")
        }
        switch format {
        case .json: Standard.out(try report.json())
        default: Standard.out(report.table(width: Standard.terminalWidth))
        }
        if let incomplete = IncompleteAnswer(report.fleet) { throw incomplete }
    }
}
