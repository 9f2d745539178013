import Foundation

/// Faults that start and end over time, the same for a given seed and clock: each thing (a
/// station, a connector) may start an incident in any half-hour slot, which then lasts from
/// half an hour to four hours. Slots are staggered per thing, so changes trickle in rather
/// than landing all at once. A fleet then has a few percent of its stations in trouble at any
/// moment, and which ones changes as the demo runs.
struct Incidents<Kind: Sendable>: Sendable {
    /// Slot length.
    static var slot: TimeInterval { 1800 }
    /// Longest incident, in slots.
    static var longestSlots: Int { 8 }

    let seed: UInt64
    let salt: UInt64
    /// Chance that an incident starts in a given slot.
    let startChance: Double
    let kinds: [(Kind, Int)]

    /// The incident under way for `key` at `now` (the one that started last), if any.
    func active(for key: UInt64, at now: Date) -> Kind? {
        let stagger = Double(key % UInt64(Self.slot))
        let current = Int(((now.timeIntervalSince1970 + stagger) / Self.slot).rounded(.down))
        for start in stride(from: current, to: current - Self.longestSlots, by: -1) {
            var random = SeededRandom(seed: seed, salt, key, UInt64(bitPattern: Int64(start)))
            guard random.chance(startChance) else { continue }
            let kind = random.weighted(kinds)
            if Int.random(in: 1...Self.longestSlots, using: &random) > current - start { return kind }
        }
        return nil
    }
}
