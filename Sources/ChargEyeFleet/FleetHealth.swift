public import ChargEyeAPI
public import Foundation

/// What is broken across the fleet: totals by status, each location's roll-up (worst first)
/// and every station that needs attention (worst and longest-quiet first). Built once per
/// answer; every command, check and exporter reads the same figures.
public struct FleetHealth: Sendable {
    /// Counts for the whole fleet.
    public var totals: Rollup
    /// Connectors by type, then by status (for metrics).
    public var connectorsByType: [String: [String: Int]]
    /// Every location that has stations, worst first, then by name.
    public var locations: [LocationHealth]
    /// Stations that are faulted, offline or unavailable, or have a faulted or unavailable
    /// connector: worst first, then the longest without activity first.
    public var problems: [StationProblem]

    /// Rolls up `stations`; `names` names locations by id.
    public init(stations: some Collection<Station>, names: [String: String] = [:]) {
        self.init(stations: StationTable(stations), names: names)
    }

    /// Rolls up `stations` in one pass, reading statuses, power and session times from the
    /// table's rows; a station is made (without its sessions) only when it needs attention.
    /// `names` names locations by id.
    public init(stations: StationTable, names: [String: String] = [:]) {
        var totals = Rollup()
        var byType: [String: [String: Int]] = [:]
        var problems: [StationProblem] = []
        // Each location's share, locations in the order they first appear.
        var order: [String] = []
        var byLocation: [String: LocationHealth] = [:]
        for position in stations.indices {
            let statuses = stations.statuses(at: position)
            totals.add(statuses)
            for (type, status) in zip(stations.connectorTypes(at: position), statuses.connectors ?? []) {
                byType[type?.text ?? "Unknown", default: [:]][status?.text ?? "Unknown", default: 0] += 1
            }
            let uid = stations.locationUid(at: position) ?? ""
            if StatusRank.needsAttention(statuses) {
                let station = stations.station(at: position, withSessions: false)
                let lastActivity = stations.latestSessionTime(at: position)
                if let problem = StationProblem(station, locationName: names[uid] ?? station.location?.name, lastActivity: lastActivity) {
                    problems.append(problem)
                }
            }
            if byLocation[uid] == nil {
                order.append(uid)
                byLocation[uid] = LocationHealth(uid: uid, name: names[uid])
            }
            byLocation[uid]?.add(statuses, powerKw: stations.currentPowerKw(at: position), placeName: stations.locationName(at: position))
        }
        self.totals = totals
        connectorsByType = byType
        // Each location's order key made once, not at every comparison.
        locations = order.compactMap { byLocation[$0] }
            .map { (location: $0, severity: $0.rollup.severity, name: $0.displayName.lowercased()) }
            .sorted { ($1.severity, $0.name) < ($0.severity, $1.name) }
            .map(\.location)
        self.problems = problems.sorted { $0.precedes($1) }
    }

    /// The locations with at least one problem station or connector, worst first.
    public var troubledLocations: [LocationHealth] { locations.filter { $0.rollup.severity.hasProblems } }
}

/// One location's share of the fleet.
public struct LocationHealth: Sendable {
    /// The location's id ("" when the stations did not say).
    public var uid: String
    /// Its name, when known.
    public var name: String?
    /// Its counts.
    public var rollup = Rollup()
    /// Power delivered now, in kW.
    public var powerKw = 0.0
    /// Its stations counted by status and online status together (the metrics' labels).
    public var stationsByStatusPair: [StationStatusPair: Int] = [:]

    init(uid: String, name: String?) {
        self.uid = uid
        self.name = name
    }

    /// Counts one more of its stations; the first name a station gives its place names the
    /// location when it has no name of its own.
    mutating func add(_ statuses: StationStatuses, powerKw: Double?, placeName: String?) {
        rollup.add(statuses)
        self.powerKw += powerKw ?? 0
        stationsByStatusPair[StationStatusPair(statuses), default: 0] += 1
        if name == nil { name = placeName }
    }

    /// The name, or the id when the name is unknown (a station whose location is unknown).
    public var displayName: String { name.flatMap { $0.isEmpty ? nil : $0 } ?? (uid.isEmpty ? "(no location)" : uid) }
}

/// A station's status and online status, as reported ("Unknown" when missing).
public struct StationStatusPair: Hashable, Sendable {
    public var status: String
    public var online: String

    init(_ statuses: StationStatuses) {
        status = statuses.status?.text ?? "Unknown"
        online = statuses.onlineStatus?.text ?? "Unknown"
    }
}

/// A station that needs attention, and why.
public struct StationProblem: Sendable {
    /// The station's id.
    public var stationId: String
    /// Its name, when it has one.
    public var name: String?
    /// Its location's id and name.
    public var locationUid: String?
    public var locationName: String?
    /// Station status and online status as reported.
    public var status: String
    public var onlineStatus: String
    /// Connectors that are faulted or unavailable (only faulted ones when the station itself
    /// is down): id and status.
    public var connectors: [(id: String, status: String)]
    /// The most recent session activity the answer shows (a session's end, else its last
    /// update or start): nothing happened on this station after it, as far as the data tells.
    public var lastActivity: Date?
    /// Worst-first rank of the station (`StatusRank.attention`).
    public var rank: Int

    /// The station's problem, or nil when nothing is wrong with it; `lastActivity` is
    /// `StatusRank.lastActivity` of the station with its sessions.
    public init?(_ station: Station, locationName: String?, lastActivity: Date?) {
        let stationIsProblem = StatusRank.isProblem(station)
        // A station that is down takes its connectors with it: only their faults add news then.
        let badConnectors = (station.connectors ?? []).filter {
            stationIsProblem ? $0.status?.known == .faulted : StatusRank.isProblem($0)
        }
        guard stationIsProblem || !badConnectors.isEmpty else { return nil }
        stationId = station.stationId
        name = station.name
        locationUid = station.locationUid
        self.locationName = locationName
        status = station.status?.text ?? "Unknown"
        onlineStatus = station.onlineStatus?.text ?? "Unknown"
        connectors = badConnectors.map { ($0.id, $0.status?.text ?? "Unknown") }
        self.lastActivity = lastActivity
        rank = StatusRank.attention(station)
    }

    /// "Offline", "Faulted", "2 connectors Faulted": what is wrong, worst first.
    public var summary: String {
        var parts: [String] = []
        if onlineStatus == "Offline" { parts.append("Offline") }
        if status == "Faulted" { parts.insert(status, at: 0) } else if status == "Unavailable", parts.isEmpty { parts.append(status) }
        if !connectors.isEmpty {
            let byStatus = Dictionary(grouping: connectors, by: \.status).sorted { StatusRank.connector($0.key) < StatusRank.connector($1.key) }
            parts += byStatus.map { "\($0.value.count) \($0.value.count == 1 ? "connector" : "connectors") \($0.key)" }
        }
        return parts.joined(separator: ", ")
    }

    /// Worst first; among equals the one quiet for longest, unknown times last; then by id.
    func precedes(_ other: StationProblem) -> Bool {
        if rank != other.rank { return rank < other.rank }
        switch (lastActivity, other.lastActivity) {
        case let (mine?, theirs?) where mine != theirs: return mine < theirs
        case (.some, nil): return true
        case (nil, .some): return false
        default: return stationId < other.stationId
        }
    }
}
