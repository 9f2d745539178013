import ChargEyeAPI
import Logging
import Synchronization

/// Sets up swift-log once per process: to `--log-file` when given, to stderr with `--verbose`
/// alone (never in the browser, whose screen is curses'), otherwise nowhere. Every handler
/// redacts tokens.
enum LogSetup {
    private static let bootstrapped = Mutex(false)

    static func bootstrap(logFile: String?, verbose: Bool, toStandardError: Bool) throws -> Logger {
        let sink: FileLogHandler.Sink?
        if let logFile {
            do {
                sink = try FileLogHandler.open(path: logFile)
            } catch {
                throw UsageError("cannot open the log file \(logFile) for writing")
            }
        } else {
            sink = verbose && toStandardError ? .standardError() : nil
        }
        let level: Logger.Level = verbose ? .debug : .info
        let first = bootstrapped.withLock { done in
            defer { done = true }
            return !done
        }
        if first {
            LoggingSystem.bootstrap { label in
                guard let sink else { return SwiftLogNoOpLogHandler() }
                return FileLogHandler(label: label, sink: sink, level: level)
            }
        }
        return Logger(label: "chargeye")
    }
}
