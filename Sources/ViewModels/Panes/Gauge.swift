/// A bar drawn under a detail value: power now against the most the hardware can give, or a
/// live session's state of charge from where it started, through now, to its limit. Built only
/// from sane numbers (the API's are untrusted); the view fits it to the pane's width and draws
/// it with marks that read without colour.
public enum Gauge: Equatable, Sendable {
    /// `fraction` (0...1) of the bar filled; `clipped` when the reading was above the maximum.
    case level(fraction: Double, clipped: Bool)
    /// A state of charge as shares of a full battery (0...1): at the session's start, now, and
    /// the limit it charges to. `start` is at most `now`.
    case charge(start: Double?, now: Double, limit: Double?)

    /// Power `now` against `maximum`; nil when either is unknown or not a number, or the
    /// maximum is not positive. A negative reading draws as empty.
    static func power(_ now: Double?, of maximum: Double?) -> Gauge? {
        guard let now, let maximum, now.isFinite, maximum.isFinite, maximum > 0 else { return nil }
        let share = max(0, now / maximum)
        return .level(fraction: min(1, share), clipped: share > 1)
    }

    /// A state of charge from percentages; nil unless `now` is within 0...100. A start above
    /// now, or a start or limit outside 0...100, is left out.
    static func stateOfCharge(start: Double?, now: Double?, limit: Double?) -> Gauge? {
        func share(_ percent: Double?) -> Double? {
            guard let percent, percent.isFinite, (0...100).contains(percent) else { return nil }
            return percent / 100
        }
        guard let current = share(now) else { return nil }
        return .charge(start: share(start).flatMap { $0 <= current ? $0 : nil }, now: current, limit: share(limit))
    }
}
