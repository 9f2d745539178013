public import ChargEyeAPI
public import Foundation

/// A transaction as a usage report reads it: when its connector was taken, its energy and
/// peak power, and what is wrong with it (`UsageIssue`).
public struct UsageSession: Sendable, Equatable {
    /// The connector's station and id (`evseId`), which overlaps are looked for within.
    public var stationId: String
    public var connector: String
    /// Start to end, or to `now` while open; nil when the times are inconsistent.
    public var occupied: DateInterval?
    /// `chargingStartTime` to `chargingEndTime`, when both are there and in order.
    public var charging: DateInterval?
    /// Time spent charging: `chargingDurationMs`, else the charging interval, else 0.
    public var chargingSeconds: Double
    /// Energy delivered, nil when missing or impossible.
    public var energyKwh: Double?
    /// Highest power of the session, nil when missing or impossible.
    public var peakKw: Double?
    public var issues: Set<UsageIssue>

    /// Longer than this a session is taken for a bad timestamp (a depot's vehicle may stand
    /// plugged in over a long weekend, not for a month).
    public static let longestPlausible: TimeInterval = 31 * 86_400
    /// The connector of a session that names none: counted, never taken for a connector.
    public static let unknownConnector = "?"
    /// No charger in ChargEye's range delivers more (Kempower's largest systems are 1.2 MW).
    public static let highestPlausibleKw = 2_000.0

    public init(
        stationId: String, connector: String, occupied: DateInterval?, charging: DateInterval? = nil,
        chargingSeconds: Double = 0, energyKwh: Double?, peakKw: Double? = nil, issues: Set<UsageIssue> = []
    ) {
        self.stationId = stationId
        self.connector = connector
        self.occupied = occupied
        self.charging = charging
        self.chargingSeconds = chargingSeconds
        self.energyKwh = energyKwh
        self.peakKw = peakKw
        self.issues = issues
    }

    /// Reads `transaction` as of `now` (the end of an open session).
    /// (Borrowed: an initializer would otherwise take a copy of all of a transaction's fields.)
    public init(_ transaction: borrowing Transaction, stationId fallbackStation: String, now: Date) {
        stationId = transaction.stationId ?? fallbackStation
        connector = transaction.evseId?.text ?? Self.unknownConnector
        issues = []
        occupied = Self.occupied(transaction, now: now, issues: &issues)
        if let start = transaction.chargingStartTime, let end = transaction.chargingEndTime, end >= start {
            charging = DateInterval(start: start, end: end)
        }
        let reportedCharging = transaction.chargingDurationMs.map { $0 / 1000 }.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        chargingSeconds = min(reportedCharging ?? charging?.duration ?? 0, occupied?.duration ?? 0)
        // A session that cannot be placed in time is left out whole: its energy is not judged.
        energyKwh = occupied == nil ? nil : Self.energy(transaction, hours: occupied!.duration / 3600, issues: &issues)
        let reportedPeak = transaction.maxPowerKw
        let powerNow = transaction.powerKw
        peakKw = (reportedPeak ?? powerNow).flatMap { peak in
            guard peak.isFinite, (0...Self.highestPlausibleKw).contains(peak) else {
                issues.insert(.impossiblePower)
                return nil
            }
            return peak
        }
    }

    /// A station's transactions from position `first` on, read as sessions. By index:
    /// iterating the array would copy each transaction (a hundred fields) on the way.
    public static func sessions(of transactions: [Transaction], from first: Int = 0, stationId: String, now: Date) -> [UsageSession] {
        (first..<max(first, transactions.count)).map { UsageSession(transactions[$0], stationId: stationId, now: now) }
    }

    private static func occupied(_ transaction: borrowing Transaction, now: Date, issues: inout Set<UsageIssue>) -> DateInterval? {
        guard let start = transaction.startTime else {
            issues.insert(.inconsistentTimes)
            return nil
        }
        let end: Date
        if let reported = transaction.endTime {
            end = reported
        } else {
            issues.insert(.stillOpen)
            end = max(now, start)
        }
        guard end >= start, end.timeIntervalSince(start) <= longestPlausible else {
            issues.insert(.inconsistentTimes)
            return nil
        }
        return DateInterval(start: start, end: end)
    }

    /// The energy if it could have been delivered: at most the connector's power (or the
    /// highest plausible) for the session's time, with 10 % and 1 kWh of slack for rounding.
    private static func energy(_ transaction: borrowing Transaction, hours: Double, issues: inout Set<UsageIssue>) -> Double? {
        guard let energy = transaction.chargedEnergyKwh else {
            issues.insert(.missingEnergy)
            return nil
        }
        let power = transaction.evseMaxPowerKw.flatMap { $0.isFinite && $0 > 0 ? min($0, highestPlausibleKw) : nil } ?? highestPlausibleKw
        guard energy.isFinite, energy >= 0, energy <= power * hours * 1.1 + 1 else {
            issues.insert(.impossibleEnergy)
            return nil
        }
        return energy
    }

    /// How many sessions overlap another on the same connector, and how many connectors the
    /// sessions placed in time used. In order of start (a sort that is nearly free on the
    /// API's order, already by time), each session is compared with the one of its connector
    /// that ends last so far. Reads the sessions without changing them, so a report does not
    /// copy a station's sessions to count.
    static func overlaps(in sessions: [UsageSession]) -> (overlapping: Int, connectorsUsed: Int) {
        // Sessions that name no connector cannot be said to overlap, nor add a connector.
        var order = sessions.indices.filter { sessions[$0].occupied != nil && sessions[$0].connector != unknownConnector }
        // By start, then end: two that start together are compared the same way in any order.
        order.sort { (sessions[$0].occupied!.start, sessions[$0].occupied!.end) < (sessions[$1].occupied!.start, sessions[$1].occupied!.end) }
        var connectors = ConnectorSlots()
        var latest: [Int] = []  // per connector slot
        var overlapping = [Bool](repeating: false, count: sessions.count)
        for index in order {
            let slot = connectors.slot(stationId: sessions[index].stationId, connector: sessions[index].connector)
            guard slot < latest.count else {
                latest.append(index)
                continue
            }
            let previous = latest[slot]
            if sessions[index].occupied!.start < sessions[previous].occupied!.end {
                overlapping[index] = true
                overlapping[previous] = true
            }
            if sessions[index].occupied!.end > sessions[previous].occupied!.end { latest[slot] = index }
        }
        return (overlapping.lazy.filter { $0 }.count, connectors.count)
    }
}

/// Numbers each connector of each station in the order first seen. A station has a handful
/// of connectors, and comparing two short ids costs far less than hashing them: the first
/// few are found by comparison, more by hash.
private struct ConnectorSlots {
    private struct Key: Hashable {
        let stationId: String
        let connector: String
    }

    private static let compared = 16
    private var keys: [Key] = []
    private var byKey: [Key: Int] = [:]

    var count: Int { keys.count }

    /// The connector's number; a new one is the next number.
    mutating func slot(stationId: String, connector: String) -> Int {
        if keys.count <= Self.compared {
            if let found = keys.firstIndex(where: { $0.connector == connector && $0.stationId == stationId }) { return found }
        } else if let found = byKey[Key(stationId: stationId, connector: connector)] {
            return found
        }
        keys.append(Key(stationId: stationId, connector: connector))
        if keys.count > Self.compared {
            if byKey.isEmpty {
                for (slot, key) in keys.enumerated() { byKey[key] = slot }
            } else {
                byKey[keys[keys.count - 1]] = keys.count - 1
            }
        }
        return keys.count - 1
    }
}
