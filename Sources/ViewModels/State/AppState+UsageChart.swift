import ChargEyeAPI
import ChargEyeText
import ChargEyeUsage
import Foundation

/// The usage chart as the screen shows it: its title, status, the chart's lines and the keys.
public struct UsageChartPane: Equatable, Sendable {
    public var title: String
    /// Reading progress, or why it stopped or failed.
    public var status: Span?
    public var lines: [String]
    public var closeHint: String
}

extension AppState {
    /// Opens the chart of what the current level shows: a station's (its transactions or
    /// connectors, or the station selected in the fleet's list), or a location's (its
    /// stations, or the location selected in the list).
    mutating func openUsageChart() -> [Effect] {
        guard let (title, scope, connectors) = usageScope() else {
            show("a usage chart is of a station or a location: select one first")
            return []
        }
        usage = UsageChartState(
            title: title, scope: scope, connectors: connectors, size: .day, calendar: BucketCalendar(timeZone: timeZone), now: now
        )
        mode = .chart
        return readUsage()
    }

    /// What the chart covers, its title, and the connectors of its stations as the browser
    /// has them from the API (a location's list, when read for the chart, brings its own).
    private func usageScope() -> (String, UsageScope, [String: Int])? {
        switch current.kind {
        case .transactions(_, let stationId), .connectors(_, let stationId):
            return ("station \(stationId)", .stations([stationId]), loadedConnectorCount(of: stationId).map { [stationId: $0] } ?? [:])
        case .stations(let location):
            guard case .stations(let items)? = current.data, items.count > 0 else { return (location.name, .location(uid: location.id), [:]) }
            let ids = (0..<items.count).map(items.stationId(at:))
            var connectors: [String: Int] = [:]
            for (position, id) in ids.enumerated() { connectors[id] = items.statuses(at: position).connectors?.count }
            return (location.name, .stations(ids), connectors)
        case .fleetStations:
            guard case .stations(let items)? = current.data, let index = current.selectedIndex else { return nil }
            let position = current.visible[index]
            let id = items.stationId(at: position)
            return ("station \(id)", .stations([id]), items.statuses(at: position).connectors.map { [id: $0.count] } ?? [:])
        case .locations, .vehicles:
            return selectedLocation().map { ($0.name, .location(uid: $0.id), [:]) }
        }
    }

    /// The connectors of station `id` as listed by the levels open below this one: the
    /// station opened (its connectors' level) or selected (a stations level).
    private func loadedConnectorCount(of id: String) -> Int? {
        for level in stack.reversed() {
            switch level.data {
            case .connectors(let station)? where station.stationId == id:
                return station.connectors?.count
            case .stations(let items)?:
                guard let index = level.selectedIndex, items.stationId(at: level.visible[index]) == id else { continue }
                return items.statuses(at: level.visible[index]).connectors?.count
            default:
                continue
            }
        }
        return nil
    }

    /// Starts the walk of the chart's period (cancelling one in flight).
    private mutating func readUsage() -> [Effect] {
        guard var chart = usage else { return [] }
        let cancelled = chart.request.map { [Effect.cancel($0)] } ?? []
        if let id = chart.request { _ = requests.finish(id) }
        let id = requests.start(.usage)
        chart.request = id
        usage = chart
        return cancelled + [.loadUsage(id, chart.scope, chart.period)]
    }

    /// Stops the walk; what came stays drawn.
    private mutating func stopUsage() -> [Effect] {
        guard let id = usage?.request else { return [] }
        _ = requests.finish(id)
        usage?.end(failure: nil)
        usage?.stopped = true
        return [.cancel(id)]
    }

    mutating func handleChartKey(_ action: Action?) -> [Effect] {
        guard var chart = usage else {
            mode = .browse
            return []
        }
        let last = max(0, chart.report.buckets.count - 1)
        switch action {
        case .moveUp?: chart.cursor = max(0, chart.cursor - 1)
        case .moveDown?: chart.cursor = min(last, chart.cursor + 1)
        case .top?: chart.cursor = 0
        case .bottom?: chart.cursor = last
        case .earlier?, .later?:
            return move(chart, by: action == .earlier ? -1 : 1)
        case .bucketSize?:
            let sizes = BucketSize.allCases
            let next = sizes[(sizes.firstIndex(of: chart.size)! + 1) % sizes.count]
            chart.restart(period: UsageChartState.defaultPeriod(next, calendar: chart.calendar, now: now), size: next, now: now)
            usage = chart
            return readUsage()
        case .retry?:
            chart.restart(period: chart.period, size: chart.size, now: now)
            usage = chart
            return readUsage()
        case .back? where chart.isReading:
            return stopUsage()
        case .back?, .close?, .usageChart?:
            let effects = stopUsage()
            usage = nil
            mode = .browse
            return effects
        default: return []
        }
        usage = chart
        return []
    }

    /// The period of as many buckets just before the current one, or just after it; never
    /// past now (the latest period ends now).
    private mutating func move(_ chart: UsageChartState, by direction: Int) -> [Effect] {
        var chart = chart
        let count = max(1, chart.report.buckets.count)
        let calendar = chart.calendar
        var period: DateInterval
        if direction < 0 {
            period = DateInterval(start: calendar.shifted(DateInterval(start: chart.period.start, end: now), by: -count, chart.size).start, end: chart.period.start)
        } else {
            guard chart.period.end < now else {
                show("this is the latest period")
                return []
            }
            let end = calendar.shifted(DateInterval(start: chart.period.start, end: chart.period.end), by: count, chart.size).end
            period = end >= now ? UsageChartState.defaultPeriod(chart.size, calendar: calendar, now: now) : DateInterval(start: chart.period.end, end: end)
        }
        chart.restart(period: period, size: chart.size, now: now)
        usage = chart
        return readUsage()
    }

    /// The chart as the screen shows it, laid out for the body's inside.
    public var usageChartPane: UsageChartPane? {
        guard mode == .chart, let chart = usage else { return nil }
        let inside = layout.body.inset(by: 1)
        let status = usageStatus(chart)
        let chartHeight = max(0, inside.height - 1)
        let lines = UsageChart(report: chart.report, cursor: chart.cursor, ascii: asciiOnly).lines(width: inside.width, height: chartHeight)
        let title = "Usage: \(TextSanitizer.singleLine(chart.title, limit: 60)), by \(chart.size.rawValue)"
        return UsageChartPane(title: title, status: status, lines: lines, closeHint: "\(keyName(.back)) closes")
    }

    private func usageStatus(_ chart: UsageChartState) -> Span? {
        let known = chart.stationIds.count
        let read = "\(chart.stationsDone) of \(known) \(known == 1 ? "station" : "stations"), \(chart.transactionCount) sessions"
        if chart.isReading {
            return Span("reading transactions: \(read) (\(keyName(.back)) stops)", .accent)
        }
        if let failure = chart.failure {
            return Span("stopped: \(failure.shortReason); \(read) shown (\(keyName(.retry)) reads again)", .critical)
        }
        if chart.stopped {
            return Span("stopped: \(read) shown (\(keyName(.retry)) reads again)", .warning)
        }
        let keys = "\(keyName(.earlier)) \(keyName(.later)) period, \(keyName(.bucketSize)) buckets, \(keyName(.moveUp)) \(keyName(.moveDown)) bucket"
        return Span("\(chart.transactionCount) sessions of \(known) \(known == 1 ? "station" : "stations"); \(keys)", .dim)
    }
}
