/// What one bucket (or one station, or the whole report) adds up to.
public struct UsageFigures: Sendable, Equatable, Codable {
    /// Sessions that started in the bucket.
    public var sessions = 0
    /// Energy, each session's split over the buckets in proportion to its time in each.
    public var energyKwh = 0.0
    /// Charging time, split the same way.
    public var chargingSeconds = 0.0
    /// Time connectors were taken (one hour on each of two connectors is two hours).
    public var occupiedSeconds = 0.0
    /// The bucket's length times the station's connectors: what `occupiedSeconds` is a share of.
    public var capacitySeconds = 0.0
    /// The highest power of a session in the bucket.
    public var peakKw: Double?

    public init() {}

    /// Occupied time over capacity (0.25 is a quarter of the connectors' time); nil without
    /// capacity.
    public var utilisation: Double? {
        capacitySeconds > 0 ? occupiedSeconds / capacitySeconds : nil
    }

    /// Both added together (the highest peak kept).
    public static func + (lhs: UsageFigures, rhs: UsageFigures) -> UsageFigures {
        var sum = lhs
        sum.sessions += rhs.sessions
        sum.energyKwh += rhs.energyKwh
        sum.chargingSeconds += rhs.chargingSeconds
        sum.occupiedSeconds += rhs.occupiedSeconds
        sum.capacitySeconds += rhs.capacitySeconds
        sum.peakKw = [lhs.peakKw, rhs.peakKw].compactMap { $0 }.max()
        return sum
    }
}
