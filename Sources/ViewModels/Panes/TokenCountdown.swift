public import ChargEyeAPI
public import Foundation

/// The JWT countdown in the status bar: "token 7h 59m", seconds in the last 10 minutes,
/// warning under 15 minutes, critical under 2; "(by JWT exp)" or "(assumed 8h)" when the
/// server's `validUntil` was unusable.
public struct TokenCountdown: Equatable, Sendable {
    public var text: String
    public var role: Role

    /// The countdown for `state` at `now`.
    public init(state: TokenState?, now: Date) {
        guard let state else {
            self.init(text: "token …", role: .dim)
            return
        }
        if state.isRefreshing {
            self.init(text: "token refreshing…", role: .accent)
            return
        }
        guard let validUntil = state.validUntil else {
            self.init(text: state.lastFailure == nil ? "token …" : "token: not authenticated", role: state.lastFailure == nil ? .dim : .critical)
            return
        }
        let remaining = validUntil.timeIntervalSince(now)
        let role: Role = remaining < 120 ? .critical : remaining < 900 ? .warning : .ok
        let caveat = state.lifetimeSource?.caveat.map { " (\($0))" } ?? ""
        self.init(text: (remaining <= 0 ? "token expired" : "token \(Self.format(remaining))") + caveat, role: remaining <= 0 ? .critical : role)
    }

    init(text: String, role: Role) {
        self.text = text
        self.role = role
    }

    /// "7h 59m", "59m", "9m 59s", "42s".
    public static func format(_ remaining: TimeInterval) -> String {
        let seconds = Int(remaining.rounded(.down))
        if seconds >= 600 {
            let minutes = seconds / 60
            return minutes >= 60 ? "\(minutes / 60)h \(minutes % 60)m" : "\(minutes)m"
        }
        return seconds >= 60 ? "\(seconds / 60)m \(seconds % 60)s" : "\(seconds)s"
    }

    /// When the text next changes (a minute or second boundary of the remaining time).
    static func nextChange(state: TokenState?, now: Date) -> Date? {
        guard let validUntil = state?.validUntil, state?.isRefreshing == false else { return nil }
        let remaining = validUntil.timeIntervalSince(now)
        guard remaining > 0 else { return nil }
        let step: TimeInterval = remaining >= 600 ? 60 : 1
        let untilChange = remaining - (remaining / step).rounded(.down) * step
        return now.addingTimeInterval(untilChange > 0.001 ? untilChange + 0.001 : step)
    }
}
