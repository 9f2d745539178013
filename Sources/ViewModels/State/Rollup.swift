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

    public init(_ stations: [Station]) {
        self.stations = stations.count
        for station in stations {
            online[station.onlineStatus?.text ?? "Unknown", default: 0] += 1
            stationStatuses[station.status?.text ?? "Unknown", default: 0] += 1
            for connector in station.connectors ?? [] {
                connectors += 1
                connectorStatuses[connector.status?.text ?? "Unknown", default: 0] += 1
            }
        }
    }

    /// Sums several roll-ups (a fleet's).
    init(adding rollups: some Sequence<Rollup>) {
        for rollup in rollups {
            stations += rollup.stations
            connectors += rollup.connectors
            online.merge(rollup.online, uniquingKeysWith: +)
            stationStatuses.merge(rollup.stationStatuses, uniquingKeysWith: +)
            connectorStatuses.merge(rollup.connectorStatuses, uniquingKeysWith: +)
        }
    }

    var offline: Int { online["Offline"] ?? 0 }
    var faultedStations: Int { stationStatuses["Faulted"] ?? 0 }
    var charging: Int { connectorStatuses["Charging"] ?? 0 }
    var available: Int { connectorStatuses["Available"] ?? 0 }
    var faultedConnectors: Int { connectorStatuses["Faulted"] ?? 0 }

    /// Higher is worse: used to sort locations by status.
    var severity: Int { faultedStations * 100 + offline * 10 + faultedConnectors }

    /// "5 st 3 chg 1 flt" — short enough for a list column, readable without colour.
    public var summary: String {
        var parts = ["\(stations) st", "\(charging) chg", "\(available) free"]
        if faultedConnectors + faultedStations > 0 { parts.append("\(faultedConnectors + faultedStations) flt") }
        if offline > 0 { parts.append("\(offline) off") }
        return parts.joined(separator: " ")
    }
}
