public import ChargEyeAPI
import ChargEyeFleet
import ChargEyeText
import Foundation

/// A check's verdict, with the Monitoring Plugins exit codes.
public enum PluginState: Int32, Comparable, Sendable {
    case ok = 0
    case warning = 1
    case critical = 2
    case unknown = 3

    /// "OK", "WARNING", "CRITICAL", "UNKNOWN".
    public var word: String {
        switch self {
        case .ok: "OK"
        case .warning: "WARNING"
        case .critical: "CRITICAL"
        case .unknown: "UNKNOWN"
        }
    }

    /// OK < WARNING < CRITICAL (a check's verdicts are combined by taking the worst; UNKNOWN
    /// is never combined, it replaces the verdict).
    public static func < (left: PluginState, right: PluginState) -> Bool { left.rawValue < right.rawValue }
}

/// `chargeye check`: the fleet judged against thresholds, printed the way Nagios, Icinga,
/// Sensu and Naemon read a plugin: one status line with performance data, then detail lines.
public struct FleetCheck: Sendable {
    /// The plugin's name on the status line.
    public static let service = "CHARGEYE"
    /// How many problem stations the detail lines list at most.
    public static let detailLimit = 20

    public let state: PluginState
    /// The whole output: status line, then detail lines.
    public let output: String

    /// Judges `fleet` against `thresholds`.
    public init(fleet: FleetStations, thresholds: CheckThresholds) {
        let health = FleetHealth(stations: fleet.stations, names: fleet.locationNames)
        let totals = health.totals
        var state = PluginState.ok
        var breaches: [String] = []
        for measure in CheckMeasure.allCases {
            let count = measure.count(in: totals), total = measure.total(in: totals)
            if let range = thresholds.critical[measure], range.alerts(count: count, of: total) {
                state = max(state, .critical)
                breaches.append(Self.breach(measure, count: count, total: total, range: range, level: "critical"))
            } else if let range = thresholds.warning[measure], range.alerts(count: count, of: total) {
                state = max(state, .warning)
                breaches.append(Self.breach(measure, count: count, total: total, range: range, level: "warning"))
            }
        }
        if totals.stations == 0, thresholds.warning[.stations] == nil, thresholds.critical[.stations] == nil {
            // An account that sees nothing is misconfigured, not healthy (stations=N: judges it).
            self = FleetCheck(unknown: "no stations visible to this account\(Self.scope(fleet)); check the refresh token's organisation, or set a stations threshold")
            return
        }
        var summary = "\(totals.stations) stations, \(totals.offline) offline, \(totals.faultedStations) faulted, \(totals.unavailableStations) unavailable, \(totals.faultedConnectors) connectors faulted"
        if case .location = fleet.source { summary = String(Self.scope(fleet).dropFirst()) + ": " + summary }
        if let incomplete = fleet.gaps.first {
            // What came is judged, but a partial answer is never OK.
            state = max(state, .warning)
            let count = fleet.gaps.count
            breaches.insert("INCOMPLETE: \(count) \(count == 1 ? "location" : "locations") could not be read (\(incomplete.error.shortReason))", at: 0)
        }
        let text = (breaches + [summary]).joined(separator: "; ")
        var lines = ["\(Self.service) \(state.word) - \(Self.clean(text)) | \(Self.performanceData(totals, thresholds))"]
        for problem in health.problems.prefix(Self.detailLimit) {
            let place = problem.locationName ?? problem.locationUid ?? "no location"
            let since = problem.lastActivity.flatMap { try? TolerantDateTranscoder().encode($0) }.map { ", last activity \($0)" } ?? ""
            lines.append(Self.clean("\(problem.stationId) (\(place)): \(problem.summary)\(since)"))
        }
        if health.problems.count > Self.detailLimit {
            lines.append("and \(health.problems.count - Self.detailLimit) more stations with problems")
        }
        self.state = state
        self.output = lines.joined(separator: "\n")
    }

    /// The verdict when the fleet could not be read at all.
    public init(unknown reason: String) {
        state = .unknown
        output = "\(Self.service) UNKNOWN - \(Self.clean(reason))"
    }

    /// " location X" for a check scoped to one location, else "".
    private static func scope(_ fleet: FleetStations) -> String {
        guard case .location(let uid) = fleet.source else { return "" }
        return " location \(fleet.locationNames[uid] ?? uid)"
    }

    /// "12 stations offline (7.8%) outside warning range 5%" (alerting ranges in the
    /// guidelines' terms: outside a plain range, inside an `@` range).
    private static func breach(_ measure: CheckMeasure, count: Int, total: Int, range: PluginRange, level: String) -> String {
        let share = total > 0 ? String(format: " (%.1f%%)", Double(count) * 100 / Double(total)) : ""
        return "\(count) \(measure.words)\(share) \(range.inside ? "inside" : "outside") \(level) range \(range)"
    }

    /// `'label'=value[UOM];[warn];[crit];[min];[max]` for every measure, thresholds in counts.
    private static func performanceData(_ totals: Rollup, _ thresholds: CheckThresholds) -> String {
        CheckMeasure.allCases.map { measure in
            let total = measure.total(in: totals)
            let warn = thresholds.warning[measure]?.inCounts(of: total).description ?? ""
            let crit = thresholds.critical[measure]?.inCounts(of: total).description ?? ""
            let max = measure == .stations || measure == .connectors ? "" : String(total)
            let fields = "\(measure.rawValue)=\(measure.count(in: totals));\(warn);\(crit);0;\(max)"
            return String(fields.reversed().drop { $0 == ";" }.reversed())
        }.joined(separator: " ")
    }

    /// One line of plain text (names come from the API): no control characters or escape
    /// sequences, and no `|`, which would start the performance data.
    static func clean(_ text: String) -> String {
        TextSanitizer.singleLine(text, limit: 4_000).replacingOccurrences(of: "|", with: "/")
    }
}
