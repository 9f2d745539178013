public import Foundation
public import Logging

/// Owns the JWT: obtains it with the refresh token, caches it in memory and on disk, renews it
/// ahead of expiry, and shares one refresh among all concurrent callers.
public actor TokenManager {
    private let issuer: any TokenIssuing
    private let cache: TokenCache?
    private let policy: TokenRefreshPolicy
    private let now: @Sendable () -> Date
    private let logger: Logger

    private var current: AccessToken?
    private var triedDiskCache = false
    private var inFlight: Task<AccessToken, any Error>?
    private var state = TokenState()
    private var subscribers: [UUID: AsyncStream<TokenState>.Continuation] = [:]

    /// Creates a manager. `cache` nil means in memory only (`--no-token-cache`).
    public init(
        issuer: any TokenIssuing,
        cache: TokenCache?,
        policy: TokenRefreshPolicy = .standard,
        now: @escaping @Sendable () -> Date = Date.init,
        logger: Logger = Logger(label: "chargeye.token")
    ) {
        self.issuer = issuer
        self.cache = cache
        self.policy = policy
        self.now = now
        self.logger = logger
    }

    /// A stream of states, starting with the current one. Each call makes a new subscription.
    public func updates() -> AsyncStream<TokenState> {
        let (stream, continuation) = AsyncStream.makeStream(of: TokenState.self, bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        subscribers[id] = continuation
        continuation.yield(state)
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    /// A token good for a request now: the cached one, or a fresh one when renewal is due.
    ///
    /// When renewal is due but the current token is still valid and the renewal fails, the
    /// current token is returned (the failure is published) rather than failing the call.
    public func validToken() async throws -> AccessToken {
        loadDiskCacheOnce()
        let time = now()
        if let token = current, time < policy.refreshDue(for: token) { return token }
        if let token = current, time < token.expiresAt {
            do {
                return try await sharedRefresh()
            } catch let error as ChargEyeError where !Self.isFatal(error) {
                logger.warning("token renewal failed, using the current token until it expires: \(error.shortReason)")
                return token
            }
        }
        return try await sharedRefresh()
    }

    /// Renews the token now (the `t` key; the auto-refresh loop). Joins a renewal in flight.
    @discardableResult
    public func refresh() async throws -> AccessToken {
        try await sharedRefresh()
    }

    /// Called when the server refused `rejected` with 401: returns a newer token if another
    /// caller already renewed it, otherwise renews once (shared by all callers).
    public func replaceRejected(_ rejected: AccessToken) async throws -> AccessToken {
        if let token = current, token.jwt != rejected.jwt { return token }
        if let inFlight { return try await inFlight.value }
        current = nil
        cache?.remove()
        return try await sharedRefresh()
    }

    /// Keeps the token fresh until cancelled: sleeps until renewal is due, renews, repeats.
    /// After a failed renewal it tries again after a short pause (sooner when expiry is near);
    /// a rejected refresh token ends the loop, since retrying cannot help.
    public func runAutoRefresh(sleep: @escaping @Sendable (TimeInterval) async throws -> Void = {
        try await Task.sleep(for: .seconds($0))
    }) async {
        var failures = 0
        while !Task.isCancelled {
            do {
                if failures > 0 {
                    let untilExpiry = current.map { $0.expiresAt.timeIntervalSince(now()) } ?? 0
                    let backoff = min(60, 5 * pow(2, Double(failures - 1)))
                    try await sleep(untilExpiry > 0 ? min(backoff, untilExpiry / 2) : backoff)
                    _ = try await sharedRefresh()
                } else {
                    // The first token comes from the cache or a shared refresh, never a second one.
                    let token = try await validToken()
                    try await sleep(max(0, policy.refreshDue(for: token).timeIntervalSince(now())))
                    if let current, now() < policy.refreshDue(for: current) { continue }
                    _ = try await sharedRefresh()
                }
                failures = 0
            } catch is CancellationError {
                return
            } catch let error as ChargEyeError where Self.isFatal(error) {
                return
            } catch {
                failures += 1
            }
        }
    }

    // MARK: - Internals

    private static func isFatal(_ error: ChargEyeError) -> Bool {
        switch error {
        case .refreshTokenRejected, .missingRefreshToken, .invalidConfiguration: true
        default: false
        }
    }

    private func loadDiskCacheOnce() {
        guard !triedDiskCache else { return }
        triedDiskCache = true
        guard current == nil, let cached = cache?.load(now: now()) else { return }
        logger.debug("using cached token, valid until \(cached.expiresAt)")
        adopt(cached)
    }

    private func sharedRefresh() async throws -> AccessToken {
        if let inFlight { return try await inFlight.value }
        let task = Task { [issuer, now] in
            let issued = try await issuer.issueToken()
            return issued.localized(receivedAt: now())
        }
        inFlight = task
        state.isRefreshing = true
        publish()
        defer { inFlight = nil }
        do {
            let token = try await task.value
            adopt(token)
            do {
                try cache?.store(token)
            } catch {
                logger.warning("\(error)")
            }
            return token
        } catch {
            state.isRefreshing = false
            state.lastFailure = ChargEyeError.from(error) as? ChargEyeError
            publish()
            throw error
        }
    }

    private func adopt(_ token: AccessToken) {
        current = token
        state = TokenState(
            validUntil: token.expiresAt, lastRefresh: token.obtainedAt,
            refreshDue: policy.refreshDue(for: token), isRefreshing: false, lastFailure: nil
        )
        publish()
    }

    private func publish() {
        for continuation in subscribers.values { continuation.yield(state) }
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }
}
