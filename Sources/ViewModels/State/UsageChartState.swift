public import ChargEyeAPI
public import ChargEyeUsage
public import Foundation

/// What a usage chart covers: some stations, or a location's (its list read first).
public enum UsageScope: Equatable, Sendable {
    case stations([String])
    case location(uid: String)
}

/// The usage chart: its period and buckets, the transactions read so far station by station,
/// and the report they make. Pages are folded in as they come, so the chart fills in while
/// the cursors are walked, and what came stays when the walk is stopped or fails.
public struct UsageChartState: Equatable, Sendable {
    /// "station KEM-HEL-001-S01", "Helsinki Fleet Yard".
    public let title: String
    let scope: UsageScope
    let calendar: BucketCalendar
    public internal(set) var period: DateInterval
    public internal(set) var size: BucketSize
    /// The selected bucket.
    public internal(set) var cursor = 0
    /// The stations in order (for a location, once its list is read).
    public internal(set) var stationIds: [String] = []
    /// Each station's sessions so far (read once each, as their page comes), whether its walk
    /// has ended, and its figures.
    var sessions: [String: [UsageSession]] = [:]
    var ended: Set<String> = []
    var figures: [String: UsageReport.StationUsage] = [:]
    /// Each station's connectors as the API lists them, where known: utilisation's capacity
    /// (without it, the connectors the sessions used).
    var connectors: [String: Int]
    public internal(set) var report: UsageReport
    /// The walk in flight, if any.
    public internal(set) var request: RequestID?
    /// Stopped with Esc before the walk ended.
    public internal(set) var stopped = false
    /// Why the walk (or one station's) failed.
    public internal(set) var failure: ChargEyeError?
    /// The time open sessions are counted up to.
    var now: Date

    /// The default period of each bucket size: 30 days, 12 weeks, 12 months, up to now.
    static func defaultPeriod(_ size: BucketSize, calendar: BucketCalendar, now: Date) -> DateInterval {
        switch size {
        case .day: return calendar.lastDays(30, now: now)
        case .week, .month:
            let start = calendar.buckets(covering: DateInterval(start: now.addingTimeInterval(-1), end: now), by: size).first?.interval.start ?? now
            let first = calendar.shifted(DateInterval(start: start, end: now), by: -11, size).start
            return DateInterval(start: first, end: now)
        }
    }

    init(title: String, scope: UsageScope, connectors: [String: Int] = [:], size: BucketSize, calendar: BucketCalendar, now: Date) {
        self.title = title
        self.connectors = connectors
        self.scope = scope
        self.calendar = calendar
        self.size = size
        self.now = now
        period = Self.defaultPeriod(size, calendar: calendar, now: now)
        report = UsageReport(stations: [], period: period, size: size, calendar: calendar)
        if case .stations(let ids) = scope { stationIds = ids }
        cursor = max(0, report.buckets.count - 1)
    }

    /// True while the walk goes on.
    public var isReading: Bool { request != nil }

    /// Stations read to the end, of those known.
    public var stationsDone: Int { ended.count }

    /// Transactions read so far.
    public var transactionCount: Int {
        sessions.values.reduce(0) { $0 + $1.count }
    }

    /// Starts over for `period` and `size` (the data read so far is dropped).
    mutating func restart(period: DateInterval, size: BucketSize, now: Date) {
        self.period = period
        self.size = size
        self.now = now
        sessions = [:]
        ended = []
        figures = [:]
        stopped = false
        failure = nil
        if case .location = scope { stationIds = [] }
        rebuild()
        cursor = max(0, report.buckets.count - 1)
    }

    /// A location's stations, once read, and their connectors where the API listed them.
    mutating func expect(_ ids: [String], connectors: [String: Int]) {
        var seen = Set<String>()
        stationIds = ids.filter { seen.insert($0).inserted }
        self.connectors.merge(connectors) { $1 }
        rebuild()
    }

    /// One station's transactions so far: those not seen before are read as sessions.
    mutating func add(_ history: TransactionHistory.StationHistory) {
        let id = history.stationId
        if !stationIds.contains(id) { stationIds.append(id) }
        sessions[id, default: []] += UsageSession.sessions(of: history.transactions, from: sessions[id]?.count ?? 0, stationId: id, now: now)
        if history.complete || history.failure != nil { ended.insert(id) }
        figures[id] = UsageReport.station(
            .init(stationId: id, sessions: sessions[id] ?? [], connectors: connectors[id], apiSummary: history.complete ? history.summary : nil),
            over: report.buckets
        )
        rebuild()
        if failure == nil, let failed = history.failure { failure = failed }
    }

    /// The walk ended (or was stopped): what came stays.
    mutating func end(failure: ChargEyeError?) {
        request = nil
        if let failure { self.failure = failure }
    }

    /// The report from each station's figures, stations without any yet shown empty.
    private mutating func rebuild() {
        let buckets = report.period == period && report.size == size ? report.buckets : calendar.buckets(covering: period, by: size)
        let stations = stationIds.map { id in
            figures[id] ?? UsageReport.station(.init(stationId: id, sessions: [], connectors: connectors[id]), over: buckets)
        }
        report = UsageReport(stations: stations, buckets: buckets, period: period, size: size, timeZone: calendar.timeZone)
        cursor = min(cursor, max(0, buckets.count - 1))
    }
}
