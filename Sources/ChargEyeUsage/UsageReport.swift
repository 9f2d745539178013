public import ChargEyeAPI
public import Foundation

/// Energy, sessions, charging and occupied time, utilisation and peak power of some stations
/// over a period, per calendar bucket and per station, with totals and the sessions' issues.
///
/// A session's energy and charging time are split over the buckets it spans in proportion to
/// its time in each (a session from 23:00 to 01:00 gives half its energy to each day); it
/// counts as one session in the bucket it started in.
public struct UsageReport: Sendable, Equatable {
    /// One station's part of the report.
    public struct StationUsage: Sendable, Equatable {
        public var stationId: String
        /// Connectors the utilisation is a share of.
        public var connectors: Int
        /// Per bucket, in the order of `UsageReport.buckets`.
        public var buckets: [UsageFigures]
        public var total: UsageFigures
        /// The API's own summary of the station's transactions, when it came.
        public var apiSummary: TransactionsSummary?
        /// How many of its sessions had each issue.
        public var issues: [UsageIssue: Int]
    }

    public let period: DateInterval
    public let size: BucketSize
    public let timeZone: TimeZone
    public let buckets: [Bucket]
    public let stations: [StationUsage]
    /// Per bucket, all stations together.
    public let bucketTotals: [UsageFigures]
    public let total: UsageFigures
    /// How many sessions had each issue.
    public let issues: [UsageIssue: Int]

    /// One station's input: its sessions, its connector count if known (never taken as fewer
    /// than the connectors its sessions used) and the API's summary if any.
    public struct StationInput: Sendable, Equatable {
        public var stationId: String
        public var sessions: [UsageSession]
        public var connectors: Int?
        public var apiSummary: TransactionsSummary?

        public init(stationId: String, sessions: [UsageSession], connectors: Int? = nil, apiSummary: TransactionsSummary? = nil) {
            self.stationId = stationId
            self.sessions = sessions
            self.connectors = connectors
            self.apiSummary = apiSummary
        }
    }

    /// The connectors of each station as the API lists them, for `StationInput.connectors`
    /// (stations listed without their connectors are left out).
    public static func connectorCounts(_ stations: [Station]) -> [String: Int] {
        Dictionary(stations.compactMap { station in station.connectors.map { (station.stationId, $0.count) } }, uniquingKeysWith: max)
    }

    public init(stations inputs: [StationInput], period: DateInterval, size: BucketSize, calendar: BucketCalendar) {
        let buckets = calendar.buckets(covering: period, by: size)
        self.init(stations: inputs.map { Self.station($0, over: buckets) }, buckets: buckets, period: period, size: size, timeZone: calendar.timeZone)
    }

    /// A report of stations figured one by one (`station(_:over:)`, all over `buckets`), so
    /// one that changes can be figured again alone.
    public init(stations: [StationUsage], buckets: [Bucket], period: DateInterval, size: BucketSize, timeZone: TimeZone) {
        self.period = period
        self.size = size
        self.timeZone = timeZone
        self.buckets = buckets
        self.stations = stations
        issues = stations.reduce(into: [:]) { total, station in total.merge(station.issues, uniquingKeysWith: +) }
        bucketTotals = buckets.indices.map { index in stations.reduce(UsageFigures()) { $0 + $1.buckets[index] } }
        total = stations.reduce(UsageFigures()) { $0 + $1.total }
    }

    /// One station's figures over `buckets`.
    public static func station(_ input: StationInput, over buckets: [Bucket]) -> StationUsage {
        let sessions = input.sessions
        let (overlapping, connectorsUsed) = UsageSession.overlaps(in: sessions)
        var issues: [UsageIssue: Int] = overlapping > 0 ? [.overlapping: overlapping] : [:]
        for index in sessions.indices where !sessions[index].issues.isEmpty {
            // Overlaps are counted across the sessions above, not taken from each.
            for issue in sessions[index].issues where issue != .overlapping { issues[issue, default: 0] += 1 }
        }
        // Never fewer than the sessions used: a list that says fewer (or 0) would give more than 100 %.
        let connectors = max(1, input.connectors ?? 0, connectorsUsed)
        var figures = buckets.map { bucket in
            var empty = UsageFigures()
            empty.capacitySeconds = bucket.interval.duration * Double(connectors)
            return empty
        }
        // By index: iterating would copy each session (its texts and issues) on the way.
        for index in sessions.indices { spread(sessions[index], over: buckets, into: &figures) }
        return StationUsage(
            stationId: input.stationId, connectors: connectors, buckets: figures,
            total: figures.reduce(UsageFigures(), +), apiSummary: input.apiSummary, issues: issues
        )
    }

    /// Adds `session` to the buckets its time touches.
    static func spread(_ session: UsageSession, over buckets: [Bucket], into figures: inout [UsageFigures]) {
        guard let occupied = session.occupied, !buckets.isEmpty else { return }
        var index = firstBucket(endingAfter: occupied.start, in: buckets)
        while index < buckets.count, buckets[index].interval.start <= occupied.end {
            let bucket = buckets[index].interval
            let startsHere = bucket.start <= occupied.start && occupied.start < bucket.end
            let overlap = max(0, min(bucket.end, occupied.end).timeIntervalSince(max(bucket.start, occupied.start)))
            let share = occupied.duration > 0 ? overlap / occupied.duration : (startsHere ? 1 : 0)
            if startsHere { figures[index].sessions += 1 }
            if share > 0 || startsHere {
                figures[index].occupiedSeconds += overlap
                figures[index].energyKwh += (session.energyKwh ?? 0) * share
                figures[index].chargingSeconds += session.chargingSeconds * chargingShare(session, in: bucket, fallback: share)
                if let peak = session.peakKw { figures[index].peakKw = max(figures[index].peakKw ?? peak, peak) }
            }
            index += 1
        }
    }

    /// The share of the charging time in `bucket`: by the charging interval when there is one.
    private static func chargingShare(_ session: UsageSession, in bucket: DateInterval, fallback: Double) -> Double {
        guard let charging = session.charging, charging.duration > 0 else { return fallback }
        return max(0, min(bucket.end, charging.end).timeIntervalSince(max(bucket.start, charging.start))) / charging.duration
    }

    /// Binary search: the first bucket whose end is after `date`.
    private static func firstBucket(endingAfter date: Date, in buckets: [Bucket]) -> Int {
        var low = 0, high = buckets.count
        while low < high {
            let middle = (low + high) / 2
            if buckets[middle].interval.end <= date { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The issues as footer lines, most serious first.
    public var issueNotes: [String] {
        issues.sorted { $0.key < $1.key }.map { $0.key.describe($0.value) }
    }
}
