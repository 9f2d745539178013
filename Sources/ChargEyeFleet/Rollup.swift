public import ChargEyeAPI

/// A location's (or a fleet's) station and connector counts by status, known once stations
/// were loaded. Statuses are counted by their raw text, so unknown values are counted too.
public struct Rollup: Equatable, Sendable {
    public var stations = 0
    public var connectors = 0
    /// Stations by online status ("Online", "Offline").
    public var online: [String: Int] = [:]
    /// Stations by status ("Operative", "Faulted", "Unavailable", ...).
    public var stationStatuses: [String: Int] = [:]
    /// Connectors by status ("Charging", "Available", "Faulted", ...).
    public var connectorStatuses: [String: Int] = [:]

    /// No stations.
    public init() {}

    public init(_ stations: some Sequence<Station>) {
        add(contentsOf: stations)
    }

    /// Counts more stations.
    public mutating func add(contentsOf stations: some Sequence<Station>) {
        for station in stations { add(station) }
    }

    /// Counts one more station.
    public mutating func add(_ station: Station) {
        add(StationStatuses(station))
    }

    /// Counts one more station by its statuses.
    public mutating func add(_ station: StationStatuses) {
        stations += 1
        online[station.onlineStatus?.text ?? "Unknown", default: 0] += 1
        stationStatuses[station.status?.text ?? "Unknown", default: 0] += 1
        for status in station.connectors ?? [] {
            connectors += 1
            connectorStatuses[status?.text ?? "Unknown", default: 0] += 1
        }
    }

    /// Sums several roll-ups (a fleet's).
    public init(adding rollups: some Sequence<Rollup>) {
        for rollup in rollups {
            stations += rollup.stations
            connectors += rollup.connectors
            online.merge(rollup.online, uniquingKeysWith: +)
            stationStatuses.merge(rollup.stationStatuses, uniquingKeysWith: +)
            connectorStatuses.merge(rollup.connectorStatuses, uniquingKeysWith: +)
        }
    }

    /// Stations reported offline.
    public var offline: Int { online["Offline"] ?? 0 }
    /// Stations reported faulted.
    public var faultedStations: Int { stationStatuses["Faulted"] ?? 0 }
    /// Stations reported unavailable.
    public var unavailableStations: Int { stationStatuses["Unavailable"] ?? 0 }
    /// Connectors charging now.
    public var charging: Int { connectorStatuses["Charging"] ?? 0 }
    /// Connectors free now.
    public var available: Int { connectorStatuses["Available"] ?? 0 }
    /// Connectors reported faulted.
    public var faultedConnectors: Int { connectorStatuses["Faulted"] ?? 0 }
    /// Connectors reported unavailable.
    public var unavailableConnectors: Int { connectorStatuses["Unavailable"] ?? 0 }

    /// How bad things are, for sorting worst first.
    public var severity: Severity {
        Severity(counts: [faultedStations, offline, unavailableStations, faultedConnectors, unavailableConnectors])
    }

    /// Problem counts compared in order of gravity: faulted stations, offline stations,
    /// unavailable stations, faulted connectors, unavailable connectors. One faulted station
    /// outranks any number of faulted connectors.
    public struct Severity: Comparable, Sendable {
        let counts: [Int]

        /// Nothing needs attention.
        public static let none = Severity(counts: [])
        /// Not known yet: below `none`, so unread locations sort after healthy ones.
        public static let unknown = Severity(counts: [-1])

        /// Whether anything needs attention.
        public var hasProblems: Bool { counts.contains { $0 > 0 } }

        /// Compares the counts in order, a missing count as 0.
        public static func < (left: Severity, right: Severity) -> Bool {
            for index in 0..<max(left.counts.count, right.counts.count) {
                let mine = index < left.counts.count ? left.counts[index] : 0
                let theirs = index < right.counts.count ? right.counts[index] : 0
                if mine != theirs { return mine < theirs }
            }
            return false
        }

        public static func == (left: Severity, right: Severity) -> Bool { !(left < right) && !(right < left) }
    }

    /// "5 st 3 chg 1 free 1 flt 1 off" — short enough for a list column, readable without colour.
    public var summary: String {
        var parts = ["\(stations) st", "\(charging) chg", "\(available) free"]
        if faultedConnectors + faultedStations > 0 { parts.append("\(faultedConnectors + faultedStations) flt") }
        if offline > 0 { parts.append("\(offline) off") }
        return parts.joined(separator: " ")
    }
}
