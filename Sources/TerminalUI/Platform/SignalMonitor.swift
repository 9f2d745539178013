import Dispatch
import Foundation
import Synchronization

/// Turns SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGTSTP and SIGCONT into values the run loop
/// reads after poll() wakes; nothing unsafe runs in a signal handler (Dispatch does the work).
final class SignalMonitor {
    enum Event: Sendable { case resize, terminate(String), suspend, resume }

    /// Events delivered on Dispatch's threads, read by the loop's thread.
    private final class Pending: Sendable {
        let events = Mutex<[Event]>([])
    }

    private let pending = Pending()
    /// Created and cancelled by the loop's thread only.
    private var sources: [any DispatchSourceSignal] = []
    private static let signals: [(Int32, Event)] = [
        (SIGWINCH, .resize), (SIGTERM, .terminate("SIGTERM")), (SIGHUP, .terminate("SIGHUP: the terminal hung up")),
        (SIGINT, .terminate("SIGINT")), (SIGTSTP, .suspend), (SIGCONT, .resume),
    ]

    init(wake: @escaping @Sendable () -> Void) {
        for (number, event) in Self.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [pending] in
                pending.events.withLock { $0.append(event) }
                wake()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Signals received since the last call.
    func drain() -> [Event] {
        pending.events.withLock { events in
            let taken = events
            events.removeAll()
            return taken
        }
    }

    /// Gives the signals back their default behaviour.
    func stop() {
        sources.forEach { $0.cancel() }
        sources.removeAll()
        for (number, _) in Self.signals { signal(number, SIG_DFL) }
    }
}
