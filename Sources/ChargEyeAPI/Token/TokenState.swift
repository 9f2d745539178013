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
    /// Which evidence the current token's expiry came from.
    public var lifetimeSource: TokenLifetimeSource?
    /// What is wrong with the server's token answers, in words; nil when nothing is.
    public var problem: String?
    /// No renewal is made before this time (the floor and its backoff); nil before any exchange.
    public var earliestRenewal: Date?

    /// Creates a state.
    public init(
        validUntil: Date? = nil, lastRefresh: Date? = nil, refreshDue: Date? = nil,
        isRefreshing: Bool = false, lastFailure: ChargEyeError? = nil,
        lifetimeSource: TokenLifetimeSource? = nil, problem: String? = nil, earliestRenewal: Date? = nil
    ) {
        self.validUntil = validUntil
        self.lastRefresh = lastRefresh
        self.refreshDue = refreshDue
        self.isRefreshing = isRefreshing
        self.lastFailure = lastFailure
        self.lifetimeSource = lifetimeSource
        self.problem = problem
        self.earliestRenewal = earliestRenewal
    }
}

/// When to renew a token, and how often at most.
///
/// A token is renewed 5 minutes (`refreshAhead`) before it expires, or a tenth of its lifetime
/// before when that is shorter. Whatever the server answers, renewals are at least
/// `minimumInterval` apart (30 s; a tenth of the documented 8 h when neither `validUntil` nor
/// the JWT's `exp` gave a lifetime), and that interval doubles, up to `maximumInterval`, while renewals keep
/// failing or coming back already expired. Only a 401 (one renewal, one replay) is exempt.
public struct TokenRefreshPolicy: Sendable, Equatable {
    /// Renew this long before expiry, unless a tenth of the token's lifetime is shorter.
    public var refreshAhead: TimeInterval
    /// The least time between two renewals.
    public var minimumInterval: TimeInterval
    /// The most the backoff stretches that interval to.
    public var maximumInterval: TimeInterval

    /// The default: 5 minutes ahead, at least 30 s apart, backoff up to an hour.
    public static let standard = TokenRefreshPolicy(refreshAhead: 300)

    /// Creates a policy.
    public init(refreshAhead: TimeInterval, minimumInterval: TimeInterval = 30, maximumInterval: TimeInterval = 3600) {
        self.refreshAhead = max(0, refreshAhead)
        self.minimumInterval = max(0, minimumInterval)
        self.maximumInterval = max(self.minimumInterval, maximumInterval)
    }

    /// When `token` should be renewed: 5 minutes (or the configured time) before expiry, or a
    /// tenth of its lifetime before expiry when that is shorter, so a short-lived token does not
    /// refresh in a loop.
    public func refreshDue(for token: AccessToken) -> Date {
        token.expiresAt.addingTimeInterval(-min(refreshAhead, token.lifetime / 10))
    }

    /// The least time after a renewal before the next: the floor for tokens whose lifetime was
    /// `source`, doubled for each renewal after the first of `troubled` in a row that failed or
    /// arrived expired (30 s, 60 s, 120 s ...).
    public func interval(source: TokenLifetimeSource?, troubled: Int) -> TimeInterval {
        let floor = source == .documented ? max(minimumInterval, TokenLifetime.documented / 10) : minimumInterval
        let stretched = floor * pow(2, Double(min(max(0, troubled - 1), 20)))
        return min(max(floor, maximumInterval), stretched)
    }
}
