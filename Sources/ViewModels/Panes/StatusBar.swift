import ChargEyeText
import ChargEyeAPI
public import Foundation

/// The bottom line: token countdown, activity (loading, retries, notices), key hints.
public struct StatusBar: Equatable, Sendable {
    public var countdown: TokenCountdown
    public var activity: Span?
    public var hints: [(key: String, label: String)]

    public static func == (lhs: StatusBar, rhs: StatusBar) -> Bool {
        lhs.countdown == rhs.countdown && lhs.activity == rhs.activity
            && lhs.hints.map(\.key) == rhs.hints.map(\.key) && lhs.hints.map(\.label) == rhs.hints.map(\.label)
    }
}

/// The top line: product, connection, demo badge, where we are.
public struct Header: Equatable, Sendable {
    public var product: String
    public var connection: String
    public var isDemo: Bool
    public var faultsOn: Bool
    public var breadcrumb: String
}

extension AppState {
    /// The status bar for now.
    public var statusBar: StatusBar {
        StatusBar(countdown: TokenCountdown(state: token, now: now), activity: activity, hints: hints)
    }

    /// The header line.
    public var header: Header {
        let crumbs = stack.map { level -> String in
            switch level.kind {
            case .locations: "Locations"
            case .fleetStations: level.problemsOnly ? "Problems" : "Stations"
            case .stations(let location): location.name
            case .connectors(_, let stationId): stationId
            case .transactions: "transactions"
            case .vehicles: "vehicles"
            }
        }
        return Header(
            product: "chargeye", connection: TextSanitizer.singleLine(connectionLabel, limit: 40),
            isDemo: isDemo, faultsOn: faultsOn,
            breadcrumb: TextSanitizer.singleLine(crumbs.joined(separator: " › "), limit: 200)
        )
    }

    private var activity: Span? {
        if let retry = requests.retry(at: now) {
            let left = max(0, retry.scheduledAt.addingTimeInterval(retry.delay).timeIntervalSince(now))
            return Span("retry \(retry.nextAttempt)/\(retry.maxAttempts) in \(String(format: "%.1f", left)) s (\(retry.reason))", .warning)
        }
        if let notice { return Span(notice.text, notice.role) }
        if let failure = current.load.failure, failure.reason == .live, current.kind.isLive {
            let next = nextLiveRefresh.map { " in \(ChargEyeError.duration(max(0, $0.timeIntervalSince(now))))" } ?? ""
            return Span("live refresh failed (\(failure.error.shortReason)); retrying\(next)", .warning)
        }
        if mode == .filtering {
            return Span("filter: type to narrow, \(keyName(.submit)) keeps, \(keyName(.cancel)) clears", .accent)
        }
        if stack.contains(where: \.isLoading) || requests.consoleIsWaiting { return Span("loading…", .accent) }
        if let failure = token?.lastFailure { return Span("token renewal failed: \(failure.shortReason)", .warning) }
        if let event = events.first, current.kind.isLive, now.timeIntervalSince(event.at) < 2 * refreshInterval {
            return Span("\(Format.timeOfDay(event.at, zone: timeZone)) \(event.text)", .accent)
        }
        if let problem = token?.problem { return Span(problem, .warning) }
        return nil
    }

    /// The key hints for the mode, from the key map: remapped keys show as remapped.
    private var hints: [(key: String, label: String)] {
        let context = keyContext
        let actions: [Action]
        switch mode {
        case .help:
            guard helpOverlay?.layout.scrolls == true else { return [("any key", "close help")] }
            return [(keyName(.moveUp) + keyName(.moveDown), "scroll"), (keyName(.pageDown), "page"), ("other keys", "close help")]
        case .console, .requestLog:
            let first = context.hintActions[0]
            return [(keyName(.moveUp) + keyName(.moveDown), context.hint(of: first))]
                + context.hintActions.dropFirst().map { (keyName($0), context.hint(of: $0)) }
        case .browse:
            if current.load.failure != nil && !current.isLoading {
                // A failure dismissed from the error pane: retrying comes first.
                actions = [.retry, .reload, .back, .help, .quit]
            } else if focus == .detail {
                actions = [.switchPane, .moveDown, .copyID, .help, .quit]
            } else {
                // Most useful first: the bar drops hints from the end when it runs out of room.
                var list: [Action] = [.open, .back, .filter, .help, .quit]
                if isDemo { list.insert(.toggleFaults, at: 3) }
                if current.kind == .fleetStations { list.insert(contentsOf: [.problems, .openLocation], at: 2) }
                list += [.switchView, .sort, .vehicles, .console, .requestLog, .switchPane]
                actions = list
            }
        default:
            actions = context.hintActions
        }
        return actions.map { action in
            let label = action == .switchView && stack[0].kind == .fleetStations ? "locations" : context.hint(of: action)
            return (keyName(action), label)
        }
    }

    /// The earliest time the screen changes by itself: the countdown's next visible change, a
    /// notice expiring, retry progress, relative ages (error pane and live views only, so an
    /// idle list changes with the countdown alone). nil means wait for input only.
    public var nextDeadline: Date? {
        var candidates: [Date] = []
        if let change = TokenCountdown.nextChange(state: token, now: now) { candidates.append(change) }
        if let notice { candidates.append(notice.until) }
        if requests.retry(at: now) != nil { candidates.append(now.addingTimeInterval(0.1)) }
        // A reload held back (the error pane is open) is no deadline: waking for it would find
        // nothing to do, at once, again and again.
        if !liveRefreshHeld {
            if let live = nextLiveRefresh { candidates.append(max(now, live)) }
            if let fleetRefresh = nextFleetRefresh { candidates.append(max(now, fleetRefresh)) }
        }
        let isLive = current.kind.isLive
        if isLive, let loadedAt = current.loadedAt, now.timeIntervalSince(loadedAt) < 60 {
            // "12 s ago" changes every second during the first minute.
            candidates.append(now.addingTimeInterval(1 - now.timeIntervalSince(loadedAt).truncatingRemainder(dividingBy: 1)))
        } else if shownFailure != nil || (isLive && current.loadedAt != nil) {
            // Relative ages ("3 min ago") in the error pane and live views.
            let second = now.timeIntervalSinceReferenceDate
            candidates.append(Date(timeIntervalSinceReferenceDate: (second / 60).rounded(.down) * 60 + 60))
        }
        return candidates.min()
    }
}
