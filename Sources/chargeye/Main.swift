import ChargEyeText
import ArgumentParser
import ChargEyeAPI
import ChargEyeMonitoring
import ChargEyeSimulator
import Foundation

/// Runs the command line and turns every outcome into one of the documented exit codes, with
/// one clear line on stderr for failures (never a stack trace, never a token).
@main
enum Main {
    static func main() async {
        ProcessPrivacy.apply()
        AllocatorSettings.apply()
        LaunchEnvironment.takeAndScrub()
        do {
            var command = try Chargeye.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(ExitStatus.success)
        } catch let plugin as PluginExit {
            exit(plugin.state.rawValue)
        } catch {
            if PluginMode.applies(to: CommandLine.arguments), Chargeye.exitCode(for: error) != .success, !(error is CancellationError) {
                Standard.out(SecretRedactor.shared.redact(FleetCheck(unknown: Chargeye.message(for: error)).output))
                exit(PluginState.unknown.rawValue)
            }
            exit(report(error))
        }
    }

    /// Prints what went wrong and returns the exit code.
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let error as ChargEyeError:
            fail(error.description)
            return ExitStatus.code(for: error)
        case let error as UsageError:
            fail(error.description)
            return ExitStatus.usage
        case let error as IncompleteAnswer:
            fail(error.description)
            return ExitStatus.unavailable
        case let error as SimulatorError:
            fail(error.description)
            return ExitStatus.failure
        case is CancellationError:
            return 130
        default:
            let code = Chargeye.exitCode(for: error)
            let message = Chargeye.fullMessage(for: error)
            if code == .success {
                Standard.out(message)
                return ExitStatus.success
            }
            if !message.isEmpty { Standard.error(SecretRedactor.shared.redact(message)) }
            return code == .validationFailure ? ExitStatus.usage : code.rawValue
        }
    }

    private static func fail(_ message: String) {
        Standard.error("chargeye: " + SecretRedactor.shared.redact(TextSanitizer.clean(message)))
    }
}
