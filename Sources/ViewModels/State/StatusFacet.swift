import ChargEyeAPI

/// A status the list can be narrowed to from the roll-up ("show me every faulted connector").
public enum StatusFacet: String, Sendable, Equatable, CaseIterable {
    case offline, faultedStation, unavailableStation, faultedConnector, chargingConnector, availableConnector

    /// How the badge names it.
    public var label: String {
        switch self {
        case .offline: "offline stations"
        case .faultedStation: "faulted stations"
        case .unavailableStation: "unavailable stations"
        case .faultedConnector: "faulted connectors"
        case .chargingConnector: "charging connectors"
        case .availableConnector: "available connectors"
        }
    }

    /// The facets a level offers, in the order `f` cycles through them.
    static func available(for kind: LevelKind) -> [StatusFacet] {
        switch kind {
        case .locations, .stations: allCases
        case .connectors: [.faultedConnector, .chargingConnector, .availableConnector]
        case .transactions, .vehicles: []
        }
    }

    func matches(_ station: Station) -> Bool {
        switch self {
        case .offline: station.onlineStatus?.known == .offline
        case .faultedStation: station.status?.known == .faulted
        case .unavailableStation: station.status?.known == .unavailable
        case .faultedConnector, .chargingConnector, .availableConnector: (station.connectors ?? []).contains(where: matches)
        }
    }

    func matches(_ connector: Connector) -> Bool {
        switch self {
        case .faultedConnector: connector.status?.known == .faulted
        case .chargingConnector: connector.status?.known == .charging
        case .availableConnector: connector.status?.known == .available
        default: false
        }
    }

    func matches(_ rollup: Rollup?) -> Bool {
        guard let rollup else { return false }
        switch self {
        case .offline: return rollup.offline > 0
        case .faultedStation: return rollup.faultedStations > 0
        case .unavailableStation: return rollup.unavailableStations > 0
        case .faultedConnector: return rollup.faultedConnectors > 0
        case .chargingConnector: return rollup.charging > 0
        case .availableConnector: return rollup.available > 0
        }
    }
}
