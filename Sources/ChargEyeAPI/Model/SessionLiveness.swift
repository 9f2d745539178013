/// Whether a session is still going: neither reported ended nor given an end time. A server
/// that sets one without the other is taken at its word either way.
extension ConnectorSession {
    public var isLive: Bool { status?.known != .ended && endTime == nil }
}

extension Transaction {
    public var isLive: Bool { status?.known != .ended && endTime == nil }
}

extension Connector {
    /// The power its session delivers now: 0 without a live session (an ended session's last
    /// reading is not the connector's power now).
    public var powerNowKw: Double {
        guard let session, session.isLive else { return 0 }
        return session.powerKw ?? 0
    }
}
