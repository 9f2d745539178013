import ChargEyeAPI
import Foundation

/// Gathers the parts of a streamed list and passes what arrived so far on at most once per
/// `interval` (the first at once), so a 100,000-row list redraws the screen a few times while it
/// loads rather than a hundred times (bytes matter on a slow link).
final class PartThrottle: Sendable {
    private struct Pending {
        var soFar = LocationsSoFar()
        var hasNews = false
        var lastForward: ContinuousClock.Instant?
    }

    private let forward: @Sendable (LocationsSoFar) -> Void
    private let interval: Duration
    private let pending = Locked(Pending())

    init(interval: Duration = .seconds(1), forward: @escaping @Sendable (LocationsSoFar) -> Void) {
        self.forward = forward
        self.interval = interval
    }

    /// Takes one part; passes everything so far on when the interval has passed.
    func add(_ part: LocationPart) {
        let now = ContinuousClock.now
        let due = pending.withLock { pending -> LocationsSoFar? in
            if part.replacesEarlierParts {
                pending.soFar = LocationsSoFar(restarts: pending.soFar.restarts + 1)
            }
            pending.soFar.locations.append(contentsOf: part.locations)
            pending.hasNews = true
            guard pending.lastForward.map({ now - $0 >= interval }) ?? true else { return nil }
            pending.lastForward = now
            pending.hasNews = false
            return pending.soFar
        }
        if let due { forward(due) }
    }

    /// Passes on what has not been passed yet (the end of the answer).
    func flush() {
        let rest = pending.withLock { pending -> LocationsSoFar? in
            guard pending.hasNews else { return nil }
            pending.hasNews = false
            return pending.soFar
        }
        if let rest { forward(rest) }
    }
}
