import ChargEyeFleet
import ChargEyeText
import ChargEyeAPI
import Foundation

/// The list pane, ready to draw: title, position, badges, columns and the rows on screen.
public struct ListPane: Equatable, Sendable {
    /// A column: its heading, the narrowest it may get, and whether it takes spare width.
    public struct Column: Equatable, Sendable {
        public var title: String
        public var minWidth: Int
        public var flexible: Bool
        public var alignRight: Bool
    }

    /// One row on screen.
    public struct Row: Equatable, Sendable {
        public var cells: [String]
        public var role: Role
        public var isSelected: Bool
    }

    public var title: String
    public var position: String
    public var badges: [Span]
    public var columns: [Column]
    public var rows: [Row]
    /// Shown instead of rows when there are none ("loading…", "no match for …").
    public var emptyText: String?
    public var isFocused: Bool
    /// The filter being typed, shown as a prompt line.
    public var filterPrompt: String?
    /// A line on the pane's bottom edge, e.g. that more pages could not be loaded.
    public var footer: Span?
}

extension AppState {
    /// The list pane of the current level.
    public var listPane: ListPane {
        let level = current
        let columns = Self.columns(for: level)
        var rows: [ListPane.Row] = []
        if let data = level.data {
            let end = min(level.visible.count, level.scroll + listRows)
            if level.scroll < end {
                for position in level.scroll..<end {
                    let index = level.visible[position]
                    let (cells, role) = row(data, index, level: level)
                    let id = data.id(at: index)
                    let shown = changedIDs.contains(id) && role != .critical ? Role.accent : role
                    rows.append(.init(cells: cells.map { TextSanitizer.singleLine($0, limit: 200) }, role: shown, isSelected: id == level.selectedID))
                }
            }
        }
        var badges: [Span] = []
        if level.isIncomplete {
            badges.append(Span("INCOMPLETE", .warning))
        } else if level.isStale {
            badges.append(Span("STALE", .warning))
        }
        if level.kind.isLive, livePaused { badges.append(Span("PAUSED", .warning)) }
        switch level.load.inFlight {
        case .page?: badges.append(Span("loading more…", .accent))
        case .some where level.data == nil || level.isStreaming: badges.append(Span("loading…", .accent))
        case .some: badges.append(Span("refreshing…", .accent))
        case nil: break
        }
        if !level.filter.isEmpty, mode != .filtering { badges.append(Span("filter: \(level.filter)", .accent)) }
        if let facet = level.facet { badges.append(Span("only \(TextSanitizer.singleLine(facet.label, limit: 40))", .accent)) }
        if level.problemsOnly, level.kind != .fleetStations { badges.append(Span("problems only", .accent)) }
        if level.sortIndex > 0 { badges.append(Span("sort: \(level.sort.rawValue)", .dim)) }
        if let loadedAt = level.loadedAt {
            // Only live views tick an age; elsewhere the screen stays still until the countdown moves.
            let age = level.kind.isLive ? ", \(Format.freshness(of: loadedAt, now: now))" : ""
            badges.append(Span("as of \(Format.timeOfDay(loadedAt, zone: timeZone))\(age)", level.isStale ? .warning : .dim))
        }
        let total = level.data?.count ?? 0
        let shown = level.visible.count
        let more = level.walk.hasMore || level.isStreaming || level.isIncomplete ? "+" : ""
        let position = (level.selectedIndex.map { "\($0 + 1)/\(shown)" } ?? "0/\(shown)") + more
        return ListPane(
            title: title(of: level),
            position: shown == total ? position : "\(position) of \(total)",
            badges: badges,
            columns: columns,
            rows: rows,
            emptyText: emptyText(level),
            isFocused: focus == .list && mode != .help,
            filterPrompt: mode == .filtering ? level.filter : nil,
            footer: footer(level)
        )
    }

    /// The line on the pane's bottom edge: why the list is not whole or not current, and the key
    /// that fixes it (while the error pane is closed).
    private func footer(_ level: Level) -> Span? {
        if mode != .error, !level.isLoading, let failure = level.load.failure, failure.reason != .live, level.data != nil {
            let what = if case .page = failure.reason { "the next page could not be loaded" } else { "could not reload" }
            return Span("\(what): \(failure.error.shortReason) — \(keyName(.retry)) retry", .warning)
        }
        if let failure = level.walk.failure {
            return Span("more pages could not be loaded: \(failure.shortReason); \(keyName(.retry)) retries", .warning)
        }
        if case .cancelled(_, true) = level.load {
            return Span("stopped before the end — \(keyName(.retry)) loads it all", .warning)
        }
        return nil
    }

    private func title(of level: Level) -> String {
        switch level.kind {
        case .locations: "Locations"
        case .fleetStations: level.problemsOnly ? "Problems · fleet" : "Stations · fleet"
        case .stations(let location): "Stations · \(TextSanitizer.singleLine(location.name, limit: 60))"
        case .connectors(_, let stationId): "Connectors · \(TextSanitizer.singleLine(stationId, limit: 60))"
        case .transactions(_, let stationId): "Transactions · \(TextSanitizer.singleLine(stationId, limit: 60))"
        case .vehicles(let location): "Vehicles · \(TextSanitizer.singleLine(location.name, limit: 60))"
        }
    }

    private func emptyText(_ level: Level) -> String? {
        guard level.visible.isEmpty else { return nil }
        if level.data == nil {
            switch level.load {
            case .failed(let failure): return "could not load: \(failure.error.shortReason) — \(keyName(.retry)) retry"
            case .idle, .cancelled: return "not loaded: \(keyName(.reload)) loads"
            case .loading, .loaded: return "loading…"
            }
        }
        if !level.filter.isEmpty { return "nothing matches \"\(level.filter)\" (\(keyName(.back)) clears the filter)" }
        if let facet = level.facet { return "no \(facet.label) here (\(keyName(.back)) shows all)" }
        if level.problemsOnly {
            return "No problems: every station online and operative, no connector faulted or unavailable (\(keyName(.problems)) shows all)"
        }
        return Self.nothingText(level.kind)
    }

    /// What an empty list means, and what to do about it.
    private static func nothingText(_ kind: LevelKind) -> String {
        switch kind {
        case .locations: "No locations: this account sees none (check the profile and its refresh token)"
        case .fleetStations: "No stations: this account sees none"
        case .stations: "No stations at this location"
        case .connectors: "This station reports no connectors"
        case .transactions: "No transactions recorded for this station"
        case .vehicles: "No vehicles: this location has no vehicle registry (ChargEye for Depots)"
        }
    }

    private static func columns(for level: Level) -> [ListPane.Column] {
        func column(_ title: String, _ width: Int, flexible: Bool = false, right: Bool = false) -> ListPane.Column {
            ListPane.Column(title: title, minWidth: width, flexible: flexible, alignRight: right)
        }
        switch level.kind {
        case .fleetStations where level.problemsOnly:
            return [column("NAME", 10, flexible: true), column("LOCATION", 10, flexible: true), column("PROBLEM", 10, flexible: true), column("LAST ACTIVITY", 13)]
        case .fleetStations:
            return [column("NAME", 10, flexible: true), column("LOCATION", 10, flexible: true), column("STATUS", 9), column("NET", 7),
                    column("KW NOW/MAX", 10, right: true), column("CONNECTORS", 10, flexible: true)]
        case .locations:
            return [column("NAME", 12, flexible: true), column("CITY", 8, flexible: true), column("CC", 2), column("STATUS", 10, flexible: true)]
        case .stations:
            return [column("NAME", 10, flexible: true), column("STATUS", 9), column("NET", 7), column("KW NOW/MAX", 10, right: true), column("CONNECTORS", 10, flexible: true)]
        case .connectors:
            return [column("#", 3), column("TYPE", 7), column("STATUS", 11), column("KW", 11, right: true), column("SESSION", 12, flexible: true)]
        case .transactions:
            return [column("STARTED", 11), column("CONN", 4), column("KWH", 7, right: true), column("SOC %", 7), column("DURATION", 10, right: true), column("END", 8, flexible: true)]
        case .vehicles:
            return [column("NAME", 8, flexible: true), column("MODEL", 10, flexible: true), column("PLATE", 8), column("BATTERY", 9, right: true)]
        }
    }

    private func row(_ data: LevelData, _ index: Int, level: Level) -> ([String], Role) {
        switch data {
        case .stations(let items) where level.kind == .fleetStations:
            return fleetRow(items[index], problems: level.problemsOnly)
        case .locations(let items):
            let item = items[index]
            let rollup = rollups[item.id]
            let role: Role = rollup.map { $0.faultedStations + $0.offline > 0 ? .warning : .normal } ?? .normal
            return ([item.name ?? item.id, item.city ?? "", item.countryCode ?? item.country ?? "", rollup?.summary ?? "·"], role)
        case .stations(let items):
            let item = items[index]
            let power = "\(Format.number(item.currentPowerKw ?? 0))/\(StationText.maxPower(item))"
            return ([item.name ?? item.stationId, item.status?.text ?? "?", item.onlineStatus?.text ?? "?", power,
                     StationText.connectorSummary(item.connectors ?? [])], StationText.role(item))
        case .connectors(let station):
            guard let item = station.connectors?[index] else { return ([], .normal) }
            let session = item.session
            let sessionText = session.map(StationText.sessionSummary) ?? ""
            let power = "\(Format.number(item.powerNowKw))/\(Format.number(item.maxPowerKw))"
            return ([item.id, item._type?.text ?? "?", item.status?.text ?? "?", power, sessionText], StationText.role(item.status))
        case .transactions(let items):
            let item = items[index]
            let soc = [item.socStart, item.socEnd ?? item.soc].compactMap { $0.map { Format.number($0, decimals: 0) } }.joined(separator: "→")
            let duration = item.sessionDurationMs.map { $0 / 1000 } ?? item.endTime.flatMap { end in item.startTime.map { end.timeIntervalSince($0) } }
            let role: Role = item.technicalFailClassification.map { $0.text != "OK" } ?? false ? .warning : .normal
            return ([item.startTime.map { String(Format.clock($0, zone: timeZone).dropFirst(5)) } ?? "?", item.evseId?.text ?? "",
                     Format.number(item.chargedEnergyKwh, decimals: 1), soc, Format.duration(seconds: duration) ?? "",
                     item.endReason?.text ?? item.status?.text ?? ""], role)
        case .vehicles(let items):
            let item = items[index]
            return ([item.name ?? item.id, item.evModel ?? "", item.licensePlate ?? "", item.fullChargeEnergykWh.map { "\($0.text) kWh" } ?? ""], .normal)
        }
    }

    /// A station of the fleet view: where it is, and either its live figures or (problems
    /// only) what is wrong and how long it has been quiet.
    private func fleetRow(_ item: Station, problems: Bool) -> ([String], Role) {
        let place = item.locationUid.map { fleet.locationNames[$0] ?? item.location?.name ?? $0 } ?? item.location?.name ?? "(no location)"
        let name = item.name ?? item.stationId
        let role = StationText.role(item) == .normal && StatusRank.needsAttention(item) ? Role.warning : StationText.role(item)
        if problems {
            let lastActivity = StatusRank.lastActivity(item)
            let problem = StationProblem(item, locationName: nil, lastActivity: lastActivity)?.summary ?? ""
            let quiet = lastActivity.map { Format.age(of: $0, now: now) } ?? "-"
            return ([name, place, problem, quiet], role)
        }
        let power = "\(Format.number(item.currentPowerKw ?? 0))/\(StationText.maxPower(item))"
        return ([name, place, item.status?.text ?? "?", item.onlineStatus?.text ?? "?", power,
                 StationText.connectorSummary(item.connectors ?? [])], role)
    }
}
