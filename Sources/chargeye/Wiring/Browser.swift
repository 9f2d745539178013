import ChargEyeAPI
import Foundation
import TerminalUI
import ViewModels

/// Starts the interactive browser: connects, takes over the terminal, runs the loop, and
/// gives the terminal back (also when anything fails).
enum Browser {
    static func run(_ options: ConnectionOptions, color: Bool, refreshInterval: Double?, view: StartView) async throws {
        let inbox = Inbox()
        let events = ServiceEvents(inbox: inbox)
        let config = try ConfigFile.load(environment: LaunchEnvironment.values)
        async let opening = Session.open(
            options, config: config, warn: events.warning, retryObserver: events.retry, requestObserver: events.request, interactive: true
        )
        let session: Session
        let terminal: NcursesTerminal
        if options.demo {
            // The embedded simulator starts while curses takes the terminal: both are on the
            // way to the demo's first rows. (The demo reads no profile: its settings are the
            // file's own.)
            terminal = try makeTerminal(color: color, settings: config.settings(profile: nil))
            do {
                session = try await opening
            } catch {
                terminal.shutdown()
                throw error
            }
        } else {
            session = try await opening
            guard session.client.configuration.refreshToken != nil else { throw ChargEyeError.missingRefreshToken }
            terminal = try makeTerminal(color: color, settings: session.config)
        }
        var state = AppState(
            connectionLabel: session.label, isDemo: options.demo, now: Date(), keyMap: session.config.keyMap,
            refreshInterval: refreshInterval ?? session.config.refreshInterval ?? 30
        )
        state.asciiOnly = terminal.glyphs.isASCII
        state.startView = view
        state.about = "chargeye \(Chargeye.configuration.version), TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "unset"), LANG=\(ProcessInfo.processInfo.environment["LANG"] ?? "unset")"
        let service = ClientService(
            client: session.client, faultSwitch: session.faultSwitch, fleetPolicy: session.fleetPolicy(), handoffWriter: HandoffFile.write
        )
        let runner = EffectRunner(service: service, inbox: inbox, clipboard: terminal.clipboard)
        let loop = BrowserLoop(state: state, terminal: terminal, runner: runner, inbox: inbox, glyphs: terminal.glyphs)
        let logger = session.client.configuration.logger
        logger.info("browser started on \(session.label)")
        loop.onEnd = { logger.info("browser ended: \($0)") }
        // The embedded simulator, if any, runs until the process exits (see `Session.with`).
        do {
            try await onOwnThread(loop)
        } catch {
            terminal.shutdown()
            throw error
        }
    }

    /// Takes over the terminal, with the configured theme.
    private static func makeTerminal(color: Bool, settings: ConfigFile.Settings) throws -> NcursesTerminal {
        do {
            return try NcursesTerminal(color: color, theme: settings.theme, headerColor: settings.headerColor)
        } catch let error as TerminalError {
            throw UsageError(error.description)
        }
    }

    /// Runs the loop on a thread of its own: it blocks in poll(), which must not hold one of
    /// the few threads Swift's concurrency runtime shares among all tasks.
    private static func onOwnThread(_ loop: BrowserLoop) async throws {
        // The loop is used by that thread alone until it returns.
        nonisolated(unsafe) let loop = loop
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                Thread.current.name = "chargeye-ui"
                do {
                    try loop.run()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }
}
