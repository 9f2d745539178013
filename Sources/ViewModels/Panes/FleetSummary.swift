import ChargEyeFleet
import ChargEyeText
import ChargEyeAPI
import Foundation

/// The roll-up line above a list: status counts for the current scope (the fleet, one
/// location, or one station), each readable without colour. The active facet is marked.
public struct FleetSummary: Equatable, Sendable {
    /// One count: "3 Faulted", or in short "3 flt".
    public struct Segment: Equatable, Sendable {
        public var text: String
        /// The same count in short words ("3 flt", as the list rows say it), for a narrow line.
        public var shortText: String
        /// A total's word alone ("st", "conn"), for the narrowest line; empty for the others.
        public var word = ""
        public var role: Role
        public var isActive: Bool
        /// A total that starts a group ("5 stations"), followed by its parts.
        public var isGroup: Bool
        /// What selecting this count narrows the list to (nil for totals).
        public var facet: StatusFacet?
    }

    /// The connectors of one kind of status, for the line's proportional bar.
    public struct Share: Equatable, Sendable {
        public var kind: ShareKind
        public var count: Int
    }

    /// Kinds of connector status on the bar, worst first.
    public enum ShareKind: Int, CaseIterable, Sendable {
        /// Faulted.
        case fault
        /// Unavailable, unknown, or a status this version does not know.
        case attention
        /// Charging, occupied or reserved.
        case inUse
        /// Available.
        case free

        /// By the status's worst-first rank, shared with every view and check.
        init(connectorStatus status: String) {
            switch StatusRank.connector(status) {
            case 0: self = .fault
            case 3, 4, 5: self = .inUse
            case 6: self = .free
            default: self = .attention
            }
        }
    }

    public var scope: String
    public var segments: [Segment]
    /// The scope's connectors by kind of status, worst first, kinds with none left out: the
    /// proportional bar beside the counts. Empty while nothing is counted.
    public var shares: [Share] = []

    /// The counts that can narrow the list, in order.
    public var facets: [StatusFacet] { segments.compactMap(\.facet) }
}

extension AppState {
    /// The roll-up for the current level, when it has statuses.
    public var fleetSummary: FleetSummary? {
        let level = current
        let rollup: Rollup
        let scope: String
        if level.kind == .fleetStations, level.data == nil {
            // The Stations view's first read: how far it has got, when it comes location by location.
            return FleetSummary(scope: fleetProgressText ?? "Fleet: loading…", segments: [])
        }
        switch level.data {
        case .locations(let items):
            if let totals = fleet.totals {
                scope = fleetScope
                rollup = totals
            } else {
                // Without the fleet read: roll-ups exist only for the locations opened so far
                // (reading them directly avoids 100,000 lookups on every frame).
                let known = Array(rollups.values)
                guard !known.isEmpty else { return FleetSummary(scope: fleetScope, segments: []) }
                scope = "Fleet (\(known.count)/\(items.count) loaded)"
                rollup = Rollup(adding: known)
            }
        case .stations:
            scope = level.kind == .fleetStations ? stationsViewScope : "Location"
            rollup = level.stationsRollup ?? Rollup()
        case .connectors(let station):
            scope = "Station"
            rollup = Rollup([station])
        default:
            return nil
        }
        func total(_ count: Int, _ word: String, _ short: String) -> FleetSummary.Segment {
            FleetSummary.Segment(
                text: "\(count) \(word)", shortText: "\(count) \(short)", word: short, role: .normal, isActive: false, isGroup: true, facet: nil
            )
        }
        func parts(_ counts: [String: Int], _ facet: (String) -> StatusFacet) -> [FleetSummary.Segment] {
            counts.filter { $0.value > 0 }.sorted { (StatusRank.any($0.key), $0.key) < (StatusRank.any($1.key), $1.key) }.map { status, count in
                FleetSummary.Segment(
                    text: "\(count) \(TextSanitizer.singleLine(status, limit: 20))", shortText: "\(count) \(Self.shortWord(status))", role: Self.role(of: status),
                    isActive: level.facet == facet(status), isGroup: false, facet: facet(status)
                )
            }
        }
        var segments: [FleetSummary.Segment] = []
        if case .connectors = level.kind {} else {
            segments.append(total(rollup.stations, "stations", "st"))
            segments += parts(rollup.online, StatusFacet.online) + parts(rollup.stationStatuses, StatusFacet.station)
        }
        segments.append(total(rollup.connectors, "connectors", "conn"))
        segments += parts(rollup.connectorStatuses, StatusFacet.connector)
        return FleetSummary(scope: scope, segments: segments, shares: Self.shares(of: rollup.connectorStatuses))
    }

    /// How far a fleet read in flight has got, if one is: locations read one by one, or, on
    /// the first read (a refresh keeps the figures it has on the line), the stations of the
    /// one call so far.
    private var fleetProgressText: String? {
        let reading = fleet.isLoading || (stack[0].kind == .fleetStations && stack[0].isLoading)
        guard reading, let progress = fleet.progress, progress.isUnderWay else { return nil }
        if progress.total > 0 { return "Fleet (reading \(progress.done)/\(progress.total) locations)" }
        guard fleet.totals == nil else { return nil }
        return "Fleet (reading: \(progress.stations) \(progress.stations == 1 ? "station" : "stations") so far)"
    }

    /// The Stations view's scope: its own STALE and loading show in its title.
    private var stationsViewScope: String {
        if let progress = fleetProgressText { return progress }
        return fleet.gaps > 0 ? "Fleet (INCOMPLETE: \(fleet.gaps) locations missing)" : "Fleet"
    }

    /// "Fleet", with how its figures stand: still coming, incomplete, stale, or unavailable.
    private var fleetScope: String {
        if let progress = fleetProgressText { return progress }
        if fleet.totals == nil {
            if let failure = fleet.failure {
                if case .fleetTooLarge(let tooLarge) = failure {
                    return "Fleet: \(tooLarge.locations) locations, over the \(tooLarge.limit) read one by one; open a location"
                }
                return "Fleet status unavailable (\(failure.shortReason)); \(keyName(.retry)) retries"
            }
            return fleet.isLoading ? "Fleet: loading…" : "Fleet status: open a location to load it"
        }
        if let failure = fleet.failure {
            return "Fleet (STALE: \(failure.shortReason)\(failure.isRetryable ? "" : "; \(keyName(.retry)) retries"))"
        }
        if fleet.gaps > 0 { return "Fleet (INCOMPLETE: \(fleet.gaps) locations missing)" }
        return "Fleet"
    }

    /// Connectors by kind of status, worst first.
    private static func shares(of statuses: [String: Int]) -> [FleetSummary.Share] {
        var counts = [Int](repeating: 0, count: FleetSummary.ShareKind.allCases.count)
        for (status, count) in statuses { counts[FleetSummary.ShareKind(connectorStatus: status).rawValue] += count }
        return FleetSummary.ShareKind.allCases.filter { counts[$0.rawValue] > 0 }.map { .init(kind: $0, count: counts[$0.rawValue]) }
    }

    /// A status in the list rows' short words ("flt", "off", "chg"); a status this version does
    /// not know, as sent (made safe).
    private static func shortWord(_ status: String) -> String {
        switch status {
        case "Faulted": "flt"
        case "Offline": "off"
        case "Online": "on"
        case "Unavailable": "unav"
        case "Unknown": "unk"
        case "Operative": "op"
        case "Charging": "chg"
        case "Occupied": "occ"
        case "Reserved": "rsv"
        case "Available": "free"
        default: TextSanitizer.singleLine(status, limit: 20)
        }
    }

    private static func role(of status: String) -> Role {
        switch status {
        case "Faulted": .critical
        case "Offline", "Unavailable", "Unknown": .warning
        case "Charging", "Online", "Operative": .ok
        case "Occupied", "Reserved", "Available": .normal
        default: .warning  // a status this version does not know: worth a look, never dropped as healthy
        }
    }
}
