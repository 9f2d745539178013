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
    /// When the last exchange ended, successful or not (the renewal floor counts from it).
    private var lastExchange: Date?
    /// Exchanges in a row that failed or whose token arrived already expired (the backoff).
    private var troubled = 0

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

    /// The state as of now (what `updates()` last published).
    public var currentState: TokenState { state }

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
    /// Renewals respect the policy's floor: within it the current token is used even past its
    /// stated expiry, until the server refuses it (a 401 renews at once, see `replaceRejected`).
    public func validToken() async throws -> AccessToken {
        loadDiskCacheOnce()
        guard let token = current else { return try await sharedRefresh() }
        let time = now()
        if time < policy.refreshDue(for: token) || !renewalAllowed(at: time) { return token }
        do {
            return try await sharedRefresh()
        } catch let error as ChargEyeError where !Self.isFatal(error) && time < token.expiresAt {
            logger.warning("token renewal failed, using the current token until it expires: \(error.shortReason)")
            return token
        }
    }

    /// Renews the token now (the `t` key, `chargeye token --renew`), unless the last renewal
    /// was within the floor: then the current token is returned (`TokenState.earliestRenewal`
    /// says when renewing is possible again). Joins a renewal in flight.
    @discardableResult
    public func refresh() async throws -> AccessToken {
        loadDiskCacheOnce()
        if let token = current, !renewalAllowed(at: now()) { return token }
        return try await sharedRefresh()
    }

    /// Called when the server refused `rejected` with 401: returns a newer token if another
    /// caller already renewed it, otherwise renews once (shared by all callers). This renewal
    /// ignores the floor: a refused token is of no use.
    public func replaceRejected(_ rejected: AccessToken) async throws -> AccessToken {
        if let token = current, token.jwt != rejected.jwt { return token }
        if let inFlight { return try await inFlight.value }
        current = nil
        cache?.remove()
        return try await sharedRefresh()
    }

    /// Keeps the token fresh until cancelled: sleeps until renewal is due and allowed, renews,
    /// repeats. Failed renewals stretch the wait (the policy's backoff); a rejected refresh
    /// token ends the loop, since retrying cannot help.
    public func runAutoRefresh(sleep: @escaping @Sendable (TimeInterval) async throws -> Void = {
        try await Task.sleep(for: .seconds($0))
    }) async {
        loadDiskCacheOnce()
        while !Task.isCancelled {
            let wait = nextRenewal().timeIntervalSince(now())
            if wait > 0 {
                do { try await sleep(wait) } catch { return }
                continue  // look again: a call or the user may have renewed meanwhile
            }
            do {
                _ = try await sharedRefresh()
            } catch is CancellationError {
                return
            } catch let error as ChargEyeError where Self.isFatal(error) {
                return
            } catch {
                // Counted in `troubled`: the next wait is longer.
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

    /// The earliest time the floor allows another renewal; nil before any exchange.
    private func earliestRenewal() -> Date? {
        lastExchange.map { $0.addingTimeInterval(policy.interval(source: current?.lifetimeSource, troubled: troubled)) }
    }

    private func renewalAllowed(at time: Date) -> Bool {
        earliestRenewal().map { time >= $0 } ?? true
    }

    /// When the auto-refresh loop renews next: when due, but never before the floor allows.
    private func nextRenewal() -> Date {
        let floor = earliestRenewal() ?? .distantPast
        guard let current else { return floor }
        return max(policy.refreshDue(for: current), floor)
    }

    /// One exchange for all callers: joins the one in flight, or starts one. The exchange's
    /// own task does the bookkeeping, so whoever sees it finish sees the new state too. It is
    /// detached: it belongs to no one caller (nor carries a caller's task-local values, such
    /// as the browser's request tag), and a caller that gives up does not stop it for the rest.
    private func sharedRefresh() async throws -> AccessToken {
        if let inFlight { return try await inFlight.value }
        let task = Task.detached { try await self.exchange() }
        inFlight = task
        return try await task.value
    }

    /// Exchanges the refresh token, then adopts, caches and publishes the result (or the failure).
    private func exchange() async throws -> AccessToken {
        defer { inFlight = nil }
        state.isRefreshing = true
        publish()
        do {
            let answer = try await issuer.issueToken()
            let receivedAt = now()
            let lifetime = TokenLifetime(answer, receivedAt: receivedAt)
            let token = AccessToken(answer, lifetime: lifetime, receivedAt: receivedAt)
            lastExchange = receivedAt
            troubled = lifetime.arrivedExpired ? troubled + 1 : 0
            if let problem = token.problem { logger.warning("token answer: \(problem)") }
            adopt(token)
            do {
                try cache?.store(token)
            } catch {
                logger.warning("\(error)")
            }
            return token
        } catch {
            if !(error is CancellationError) {
                lastExchange = now()
                troubled += 1
            }
            state.isRefreshing = false
            state.lastFailure = ChargEyeError.from(error) as? ChargEyeError
            state.earliestRenewal = earliestRenewal()
            publish()
            throw error
        }
    }

    private func adopt(_ token: AccessToken) {
        current = token
        var problem = token.problem
        let floor = policy.interval(source: token.lifetimeSource, troubled: 0)
        if problem == nil, token.lifetime < floor {
            problem = "the server's tokens last only \(ChargEyeError.duration(token.lifetime)); renewing at most every \(ChargEyeError.duration(floor))"
        }
        state = TokenState(
            validUntil: token.expiresAt, lastRefresh: token.obtainedAt,
            refreshDue: nextRenewal(),
            isRefreshing: false, lastFailure: nil,
            lifetimeSource: token.lifetimeSource, problem: problem, earliestRenewal: earliestRenewal()
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
