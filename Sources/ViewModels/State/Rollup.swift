public import ChargEyeAPI

/// A location's station and connector status counts, known once its stations were loaded.
public struct Rollup: Equatable, Sendable {
    public var stations = 0
    public var offline = 0
    public var faultedStations = 0
    public var unavailableStations = 0
    public var operative = 0
    public var connectors = 0
    public var charging = 0
    public var available = 0
    public var faultedConnectors = 0

    public init(_ stations: [Station]) {
        self.stations = stations.count
        for station in stations {
            if station.onlineStatus?.known == .offline { offline += 1 }
            switch station.status?.known {
            case .faulted: faultedStations += 1
            case .unavailable: unavailableStations += 1
            case .operative: operative += 1
            case nil: break
            }
            for connector in station.connectors ?? [] {
                connectors += 1
                switch connector.status?.known {
                case .charging: charging += 1
                case .available: available += 1
                case .faulted: faultedConnectors += 1
                default: break
                }
            }
        }
    }

    /// Sums several roll-ups (a fleet's).
    init(adding rollups: some Sequence<Rollup>) {
        for rollup in rollups {
            stations += rollup.stations
            offline += rollup.offline
            faultedStations += rollup.faultedStations
            unavailableStations += rollup.unavailableStations
            operative += rollup.operative
            connectors += rollup.connectors
            charging += rollup.charging
            available += rollup.available
            faultedConnectors += rollup.faultedConnectors
        }
    }

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
