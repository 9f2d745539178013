import ChargEyeAPI
import Foundation

/// Gathers what a streamed read reports and passes it on at most once per `interval` (the
/// first at once), so a long read redraws the screen a few times rather than at every part:
/// bytes matter on a slow link, and every pass merges the new rows into the order of a list
/// of tens of thousands on the terminal's thread.
final class Throttle<Part: Sendable, Gathered: Sendable>: Sendable {
    private struct Pending: Sendable {
        var gathered: Gathered
        var hasNews = false
        var lastForward: ContinuousClock.Instant?
    }

    private let gather: @Sendable (inout Gathered, Part) -> Void
    private let forward: @Sendable (Gathered) -> Void
    private let interval: Duration
    private let pending: Locked<Pending>

    /// `gather` folds a part into what is gathered.
    init(
        _ initial: Gathered, interval: Duration, gather: @escaping @Sendable (inout Gathered, Part) -> Void,
        forward: @escaping @Sendable (Gathered) -> Void
    ) {
        self.pending = Locked(Pending(gathered: initial))
        self.interval = interval
        self.gather = gather
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
        pending.hasNews = false
        return pending.gathered
    }
}

/// The locations list's parts: everything so far, each time.
typealias PartThrottle = Throttle<LocationPart, LocationsSoFar>

extension Throttle where Part == LocationPart, Gathered == LocationsSoFar {
    /// Ten times a second: the screen fills at once, and each pass brings a few tens of
    /// thousands of rows at most, whose merge into the list's order (their own sort, then one
    /// pass over the list) keeps a key waiting well under 50 ms even at 100,000 rows.
    convenience init(interval: Duration = .milliseconds(100), forward: @escaping @Sendable (LocationsSoFar) -> Void) {
        self.init(LocationsSoFar(), interval: interval, gather: { soFar, part in soFar.add(part) }, forward: forward)
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
