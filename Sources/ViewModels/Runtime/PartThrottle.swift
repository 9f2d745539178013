public import ChargEyeAPI
import Foundation

/// Passes the parts of a streamed list on at most once per `interval` (the first at once),
/// joining those in between, so a 100,000-row list redraws the screen a few times while it
/// loads rather than a hundred times (bytes matter on a slow link).
final class PartThrottle: Sendable {
    private struct Pending {
        var locations = LocationTable()
        var replaces = false
        var lastForward: ContinuousClock.Instant?
    }

    private let forward: @Sendable (LocationPart) -> Void
    private let interval: Duration
    private let pending = Locked(Pending())

    init(interval: Duration = .seconds(1), forward: @escaping @Sendable (LocationPart) -> Void) {
        self.forward = forward
        self.interval = interval
    }

    /// Takes one part; forwards what has gathered when the interval has passed.
    func add(_ part: LocationPart) {
        let now = ContinuousClock.now
        let due = pending.withLock { pending -> LocationPart? in
            if part.replacesEarlierParts { pending.locations = LocationTable() }
            pending.replaces = pending.replaces || part.replacesEarlierParts
            pending.locations.append(contentsOf: part.locations)
            guard pending.lastForward.map({ now - $0 >= interval }) ?? true else { return nil }
            pending.lastForward = now
            return Self.take(&pending)
        }
        if let due { forward(due) }
    }

    /// Forwards whatever has gathered (the end of the answer).
    func flush() {
        if let rest = pending.withLock({ $0.locations.isEmpty && !$0.replaces ? nil : Self.take(&$0) }) { forward(rest) }
    }

    private static func take(_ pending: inout Pending) -> LocationPart {
        defer {
            pending.locations = LocationTable()
            pending.replaces = false
        }
        return LocationPart(locations: pending.locations, replacesEarlierParts: pending.replaces)
    }
}
