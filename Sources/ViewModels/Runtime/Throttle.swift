import ChargEyeAPI
import Foundation

/// Gathers what a streamed read reports and passes it on at most once per `interval` (the
/// first at once), so a long read redraws the screen a few times rather than at every part:
/// bytes matter on a slow link, and every pass costs the terminal's thread a refresh of a
/// list of tens of thousands.
final class Throttle<Part: Sendable, Gathered: Sendable>: Sendable {
    private struct Pending: Sendable {
        var gathered: Gathered
        var hasNews = false
        var lastForward: ContinuousClock.Instant?
    }

    private let gather: @Sendable (inout Gathered, Part) -> Void
    private let prepare: @Sendable (inout Gathered) -> Void
    private let forward: @Sendable (Gathered) -> Void
    private let interval: Duration
    private let pending: Locked<Pending>

    /// `gather` folds a part into what is gathered; `prepare` finishes what is gathered each
    /// time before it is passed on (on the caller's thread, like `gather`).
    init(
        _ initial: Gathered, interval: Duration, gather: @escaping @Sendable (inout Gathered, Part) -> Void,
        prepare: @escaping @Sendable (inout Gathered) -> Void = { _ in }, forward: @escaping @Sendable (Gathered) -> Void
    ) {
        self.pending = Locked(Pending(gathered: initial))
        self.interval = interval
        self.gather = gather
        self.prepare = prepare
        self.forward = forward
    }

    /// Takes one part; passes what is gathered on when the interval has passed.
    func add(_ part: Part) {
        let now = ContinuousClock.now
        let due = pending.withLock { pending -> Gathered? in
            gather(&pending.gathered, part)
            pending.hasNews = true
            guard pending.lastForward.map({ now - $0 >= interval }) ?? true else { return nil }
            pending.lastForward = now
            return take(&pending)
        }
        if let due { forward(due) }
    }

    /// Passes on what has not been passed yet (the end of the answer).
    func flush() {
        let rest = pending.withLock { pending -> Gathered? in pending.hasNews ? take(&pending) : nil }
        if let rest { forward(rest) }
    }

    private func take(_ pending: inout Pending) -> Gathered {
        prepare(&pending.gathered)
        pending.hasNews = false
        return pending.gathered
    }
}

/// The locations list's parts: everything so far, each time.
typealias PartThrottle = Throttle<LocationPart, LocationsSoFar>

extension Throttle where Part == LocationPart, Gathered == LocationsSoFar {
    /// Ten times a second: the screen fills at once, and each pass comes with its search text
    /// folded and its rows in name order, so the terminal's thread takes them over without
    /// folding or sorting (a key waits for no merge, even at 100,000 rows).
    convenience init(interval: Duration = .milliseconds(100), forward: @escaping @Sendable (LocationsSoFar) -> Void) {
        self.init(
            LocationsSoFar(), interval: interval, gather: { soFar, part in soFar.add(part) }, prepare: { $0.orderNewRows() },
            forward: forward
        )
    }
}

/// A fleet read's progress: the latest report, which carries every station read so far. Twice
/// a second, so the terminal thread takes in the stations (search fields, counts, sort keys)
/// while the rest still arrives, not all at the end.
typealias FleetProgressThrottle = Throttle<FleetProgress, FleetProgress>

extension Throttle where Part == FleetProgress, Gathered == FleetProgress {
    convenience init(interval: Duration = .milliseconds(500), forward: @escaping @Sendable (FleetProgress) -> Void) {
        self.init(FleetProgress(done: 0, total: 0), interval: interval, gather: { gathered, report in gathered = report }, forward: forward)
    }
}
