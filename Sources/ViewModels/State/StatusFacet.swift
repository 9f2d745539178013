import ChargEyeFleet
import ChargEyeAPI

/// A status the list can be narrowed to from the roll-up ("show me every faulted connector"):
/// stations online or offline, stations by status, or connectors by status (raw text, so
/// statuses this client does not know work too).
public enum StatusFacet: Sendable, Equatable, Hashable {
    case online(String)
    case station(String)
    case connector(String)

    /// How the badge names it: "Faulted connectors".
    public var label: String {
        switch self {
        case .online(let text): "\(text) stations"
        case .station(let text): "\(text) stations"
        case .connector(let text): "\(text) connectors"
        }
    }

    func matches(_ station: StationStatuses) -> Bool {
        switch self {
        case .online(let text): station.onlineStatus?.text == text
        case .station(let text): station.status?.text == text
        case .connector: (station.connectors ?? []).contains { matches($0) }
        }
    }

    func matches(_ connector: Connector) -> Bool {
        matches(connector.status)
    }

    func matches(_ connectorStatus: Components.Schemas.ConnectorStatus?) -> Bool {
        if case .connector(let text) = self { return (connectorStatus?.text ?? "Unknown") == text }
        return false
    }

    func matches(_ rollup: Rollup?) -> Bool {
        guard let rollup else { return false }
        switch self {
        case .online(let text): return (rollup.online[text] ?? 0) > 0
        case .station(let text): return (rollup.stationStatuses[text] ?? 0) > 0
        case .connector(let text): return (rollup.connectorStatuses[text] ?? 0) > 0
        }
    }
}
