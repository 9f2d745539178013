import ArgumentParser
import ViewModels

/// The root command.
struct Chargeye: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chargeye",
        abstract: "A terminal client for the Kempower ChargEye API: locations, stations, connectors, transactions.",
        usage: """
            chargeye [--demo] [<options>]          (interactive browser)
            chargeye <subcommand> [<options>]
            """,
        discussion: """
            Authentication: set CHARGEYE_REFRESH_TOKEN, or pass --refresh-token-file PATH, or use a \
            --profile from $XDG_CONFIG_HOME/chargeye/config.toml. The access token is cached in \
            $XDG_CACHE_HOME/chargeye (0600) and renewed before it expires. Try everything offline \
            with --demo.

            \(KeyTable.help)

            \(ExitStatus.help)
            """,
        version: "\(BuildInfo.version) (commit \(BuildInfo.commit), built \(BuildInfo.date))",
        subcommands: [
            TokenCommand.self, LocationsCommand.self, LocationCommand.self, StationsCommand.self, ConnectorsCommand.self,
            TransactionsCommand.self, ReportCommand.self, VehiclesCommand.self, StatusCommand.self, CheckCommand.self, MetricsCommand.self, ExporterCommand.self, GetCommand.self, ConfigCommand.self, SimulatorCommand.self,
        ]
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    @Option(help: ArgumentHelp("How often station and connector views reload by themselves (default 30, or refresh_interval in the config).", valueName: "seconds"))
    var refreshInterval: Double?

    @Option(help: ArgumentHelp("The view to open on: locations, stations (every station of the fleet, worst first) or problems (only the stations that need attention).", valueName: "view"))
    var view = StartView.locations

    func validate() throws {
        if let refreshInterval, !(2...3600).contains(refreshInterval) {
            throw ValidationError("--refresh-interval must be between 2 and 3600 seconds")
        }
    }

    /// Without a subcommand: the interactive browser.
    func run() async throws {
        try await Browser.run(connection, color: !noColor, refreshInterval: refreshInterval, view: view)
    }
}
