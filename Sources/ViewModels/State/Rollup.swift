public import ChargEyeAPI

/// A location's station and connector status counts, known once its stations were loaded.
public struct Rollup: Equatable, Sendable {
    public var stations = 0
    public var offline = 0
    public var faultedStations = 0
    public var connectors = 0
    public var charging = 0
    public var available = 0
    public var faultedConnectors = 0

    public init(_ stations: [Station]) {
        self.stations = stations.count
        for station in stations {
            if station.onlineStatus?.known == .offline { offline += 1 }
            if station.status?.known == .faulted { faultedStations += 1 }
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
