import ArgumentParser
import ChargEyeAPI
import ChargEyeMonitoring
import Foundation

/// `chargeye check`: a monitoring plugin, by the Monitoring Plugins development guidelines.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the fleet as a Nagios/Icinga/Sensu plugin: one status line with performance data, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.",
        discussion: """
            Thresholds use the Monitoring Plugins range syntax, per measure: -w offline=5 warns when more than 5 \
            stations are offline; -c offline=20% is critical above 20 % of the stations; faulted=@1:3 alerts \
            inside 1..3; stations=1: alerts below 1. Several per option, comma-separated, or repeat the option.

            Measures: \(CheckMeasure.allCases.map(\.rawValue).joined(separator: ", ")). Percentages are of all \
            stations, or of all connectors for the connector measures.

            Without -w and -c: warning above 5% offline or 2% faulted stations, critical above 20% offline or \
            10% faulted.

            UNKNOWN (3): the API could not be read (authentication, network, bad data), the deadline passed, an \
            option is wrong, or the account sees no station at all (unless a stations= threshold judges that). A fleet read location by location with some locations failing is judged on what came \
            and is at least WARNING.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var fleet: FleetOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Warning thresholds, MEASURE=RANGE[,...].", valueName: "thresholds"))
    var warning: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Critical thresholds, MEASURE=RANGE[,...].", valueName: "thresholds"))
    var critical: [String] = []

    @Option(help: ArgumentHelp("Report UNKNOWN if the check has not finished after this many seconds.", valueName: "seconds"))
    var deadline: Double = 50

    func validate() throws {
        do {
            _ = try CheckThresholds(warning: warning, critical: critical)
        } catch {
            throw ValidationError(error.description)
        }
        if !(1...3600).contains(deadline) { throw ValidationError("--deadline must be between 1 and 3600 seconds") }
    }

    func run() async throws {
        let thresholds = try CheckThresholds(warning: warning, critical: critical)
        let result: FleetCheck
        do {
            let stations = try await Deadline.run(seconds: deadline, expired: { [deadline] in DeadlinePassed(seconds: deadline) }) {
                [connection, fleet] in try await Session.with(connection) { try await fleet.read($0) }
            }
            result = FleetCheck(fleet: stations, thresholds: thresholds)
        } catch {
            // Whatever stopped the read, a plugin answers UNKNOWN with the reason.
            result = FleetCheck(unknown: "\(error)")
        }
        Standard.out(SecretRedactor.shared.redact(result.output))
        throw PluginExit(state: result.state)
    }
}

/// Ends a plugin run with its state's exit code, the output already printed.
struct PluginExit: Error {
    let state: PluginState
}

/// Plugin conventions for errors met before the check runs (a bad option): the output is one
/// UNKNOWN status line on standard output and the exit code is 3, as monitoring systems expect.
enum PluginMode {
    /// Whether the command line runs `chargeye check`.
    static func applies(to arguments: [String]) -> Bool {
        arguments.dropFirst().first { !$0.hasPrefix("-") } == CheckCommand.configuration.commandName
    }
}
