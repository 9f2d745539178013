/// A station's status, online status and its connectors' statuses, without the rest of the
/// station: what counting, the worst-first order and the status filters read. A fleet's
/// table gives them straight from its rows (`StationTable.statuses(at:)`), so a list of
/// 20,000 stations is counted and ranked without making a station.
public struct StationStatuses: Sendable {
    public var status: Components.Schemas.StationStatus?
    public var onlineStatus: Components.Schemas.OnlineStatus?
    /// One per connector, in order; nil when the station gives no `connectors`.
    public var connectors: [Components.Schemas.ConnectorStatus?]?

    public init(
        status: Components.Schemas.StationStatus?, onlineStatus: Components.Schemas.OnlineStatus?,
        connectors: [Components.Schemas.ConnectorStatus?]?
    ) {
        self.status = status
        self.onlineStatus = onlineStatus
        self.connectors = connectors
    }

    /// The statuses of `station`.
    public init(_ station: Station) {
        self.init(status: station.status, onlineStatus: station.onlineStatus, connectors: station.connectors?.map(\.status))
    }
}
