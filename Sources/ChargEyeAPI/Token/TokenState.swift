public import Foundation

/// What the token manager publishes for the countdown and status bar.
public struct TokenState: Sendable, Equatable {
    /// Expiry of the current token, local time; nil before the first token.
    public var validUntil: Date?
    /// When the current token was obtained (or loaded from the cache).
    public var lastRefresh: Date?
    /// When the next proactive refresh is due.
    public var refreshDue: Date?
    /// True while a refresh request is in flight.
    public var isRefreshing: Bool
    /// The last refresh failure; cleared by the next success.
    public var lastFailure: ChargEyeError?

    /// Creates a state.
    public init(
        validUntil: Date? = nil, lastRefresh: Date? = nil, refreshDue: Date? = nil,
        isRefreshing: Bool = false, lastFailure: ChargEyeError? = nil
    ) {
        self.validUntil = validUntil
        self.lastRefresh = lastRefresh
        self.refreshDue = refreshDue
        self.isRefreshing = isRefreshing
        self.lastFailure = lastFailure
    }
}

/// When to renew a token before it expires.
public struct TokenRefreshPolicy: Sendable, Equatable {
    /// Renew this long before expiry, unless a tenth of the token's lifetime is shorter.
    public var refreshAhead: TimeInterval

    /// The default: 5 minutes ahead.
    public static let standard = TokenRefreshPolicy(refreshAhead: 300)

    /// Creates a policy.
    public init(refreshAhead: TimeInterval) {
        self.refreshAhead = max(0, refreshAhead)
    }

    /// When `token` should be renewed: 5 minutes (or the configured time) before expiry, or a
    /// tenth of its lifetime before expiry when that is shorter, so a short-lived token does not
    /// refresh in a loop.
    public func refreshDue(for token: AccessToken) -> Date {
        token.expiresAt.addingTimeInterval(-min(refreshAhead, token.lifetime / 10))
    }
}
