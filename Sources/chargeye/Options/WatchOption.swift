import ArgumentParser
import ChargEyeAPI
import Foundation
import ViewModels

/// `--watch SECONDS`: print the list again every so many seconds, as plain text, for
/// `watch`-style use over SSH without curses. Failures are reported on stderr and the watch
/// goes on; Ctrl-C ends it.
struct WatchOption: ParsableArguments {
    @Option(help: ArgumentHelp("Print again every so many seconds until Ctrl-C.", valueName: "seconds"))
    var watch: Double?

    func validate() throws {
        if let watch, !(watch >= 1 && watch <= 86_400) {
            throw ValidationError("--watch must be between 1 and 86400 seconds")
        }
    }

    /// Runs `render` once, or every `watch` seconds with a timestamp line before each round.
    func run(_ connection: ConnectionOptions, _ render: @escaping @Sendable (Session) async throws -> String) async throws {
        try await stream(connection) { session, write in
            let text = try await render(session)
            write(text.utf8.last == 0x0A ? text : text + "\n")
        }
    }

    /// Like `run`, for output written as it arrives: `body` gets the session and a writer to
    /// standard output. In a watch, each round starts with its timestamp line; a round that
    /// fails keeps what it wrote and reports the error on stderr.
    func stream(
        _ connection: ConnectionOptions,
        _ body: @escaping @Sendable (Session, _ write: @escaping @Sendable (String) -> Void) async throws -> Void
    ) async throws {
        guard let interval = watch else {
            try await Session.with(connection) { try await body($0, Standard.write) }
            return
        }
        try await Session.with(connection) { session in
            while !Task.isCancelled {
                let started = Date()
                Standard.write("as of \(Format.clock(started, zone: .current, seconds: true)) (every \(Format.number(interval)) s, Ctrl-C stops)\n")
                do {
                    try await body(session, Standard.write)
                    Standard.write("\n")
                } catch let error as ChargEyeError {
                    Standard.error("chargeye: \(Format.clock(started, zone: .current, seconds: true)) \(error.description)")
                } catch let error as IncompleteAnswer {
                    Standard.error("chargeye: \(Format.clock(started, zone: .current, seconds: true)) \(error.description)")
                }
                try await Task.sleep(for: .seconds(max(0, interval - Date().timeIntervalSince(started))))
            }
        }
    }
}
