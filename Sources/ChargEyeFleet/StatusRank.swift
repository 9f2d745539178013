public import ChargEyeAPI
public import Foundation

/// Worst-first order of the statuses the API reports, shared by every view, command and
/// check, so "worst first" means the same everywhere: faulted, offline, unavailable, unknown,
/// then the working states.
public enum StatusRank {
    /// A station by its statuses: faulted 0, offline 1, unavailable 2, unknown status 3,
    /// operative 4.
    public static func station(_ station: StationStatuses) -> Int {
        if station.status?.known == .faulted { return 0 }
        if station.onlineStatus?.known == .offline { return 1 }
        switch station.status?.known {
        case .unavailable: return 2
        case .operative: return 4
        default: return 3
        }
    }

    /// A connector status: faulted, unavailable, unknown (and unrecognised text), then in use,
    /// then free.
    public static func connector(_ status: String?) -> Int {
        ["Faulted", "Unavailable", "Unknown", "Charging", "Occupied", "Reserved", "Available"].firstIndex(of: status ?? "") ?? 2
    }

    /// Any status text in a roll-up (station, online or connector), worst first.
    public static func any(_ status: String) -> Int {
        ["Faulted", "Offline", "Unavailable", "Unknown", "Charging", "Occupied", "Reserved", "Available", "Online", "Operative"]
            .firstIndex(of: status) ?? 3
    }

    /// Whether a station needs attention: faulted, offline or unavailable.
    public static func isProblem(_ station: Station) -> Bool {
        isProblem(StationStatuses(station))
    }

    /// Whether a station, by its statuses, needs attention: faulted, offline or unavailable.
    public static func isProblem(_ station: StationStatuses) -> Bool {
        station.status?.known == .faulted || station.status?.known == .unavailable || station.onlineStatus?.known == .offline
    }

    /// Whether a connector needs attention: faulted or unavailable.
    public static func isProblem(_ connector: Connector) -> Bool {
        isProblem(connector.status)
    }

    /// Whether a connector status needs attention: faulted or unavailable.
    public static func isProblem(_ status: Components.Schemas.ConnectorStatus?) -> Bool {
        status?.known == .faulted || status?.known == .unavailable
    }

    /// How much a station needs attention, worst first: the station's own rank when it is
    /// faulted, offline or unavailable (0-2), 3 when only a connector is faulted or
    /// unavailable, 4 when nothing is wrong.
    public static func attention(_ station: Station) -> Int {
        attention(StationStatuses(station))
    }

    /// How much a station, by its statuses, needs attention (as `attention(_: Station)`).
    public static func attention(_ station: StationStatuses) -> Int {
        if isProblem(station) { return Self.station(station) }
        return (station.connectors ?? []).contains { isProblem($0) } ? 3 : 4
    }

    /// Whether the station or one of its connectors needs attention.
    public static func needsAttention(_ station: Station) -> Bool { attention(station) < 4 }

    /// Whether the station or one of its connectors, by their statuses, needs attention.
    public static func needsAttention(_ station: StationStatuses) -> Bool { attention(station) < 4 }

    /// The most recent session activity the answer shows for a station (a session's end, else
    /// its last update or start): nothing happened on it after that, as far as the data tells.
    public static func lastActivity(_ station: Station) -> Date? {
        (station.connectors ?? []).compactMap { connector in
            connector.session.flatMap { $0.endTime ?? $0.updateTime ?? $0.startTime }
        }.max()
    }
}
