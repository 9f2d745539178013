/// Whether a session is still going: neither reported ended nor given an end time. A server
/// that sets one without the other is taken at its word either way.
extension ConnectorSession {
    public var isLive: Bool { status?.known != .ended && endTime == nil }
}

extension Transaction {
    public var isLive: Bool { status?.known != .ended && endTime == nil }
}
