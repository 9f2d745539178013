public import Foundation
public import Logging

/// Everything the API core needs to talk to one ChargEye endpoint.
public struct ChargEyeConfiguration: Sendable {
    /// The API's base URL, e.g. `https://kempower.io/api`.
    public var baseURL: URL
    /// The long-lived refresh token; nil makes every call fail with `.missingRefreshToken`.
    public var refreshToken: Secret?
    /// Per-request timeout, in seconds (the whole answer, body included).
    public var timeout: TimeInterval = 30
    /// The largest response body accepted, in bytes.
    public var maxResponseBytes: Int = 64 * 1024 * 1024
    /// The certificate authorities a server's certificate may chain to.
    public var trust = TLSTrust()
    /// The proxy to go through, if any (`ProxyRoute.forTarget` reads the usual variables).
    public var proxy: ProxyRoute?
    /// Retries of idempotent requests.
    public var retryPolicy: RetryPolicy = .standard
    /// When to renew the JWT ahead of expiry.
    public var tokenRefresh: TokenRefreshPolicy = .standard
    /// Directory of the on-disk JWT cache; nil keeps the JWT in memory only.
    public var tokenCacheDirectory: URL? = TokenCache.defaultDirectory()
    /// Told about every scheduled retry (for "retry 2/3 in 1.2 s").
    public var retryObserver: (@Sendable (RetryEvent) -> Void)?
    /// Told about every physical request (the browser's request log).
    public var requestObserver: (@Sendable (RequestRecord) -> Void)?
    /// Told about problems worth a user's attention that do not fail a call (e.g. a token
    /// cache file with loose permissions).
    public var warn: @Sendable (String) -> Void = { _ in }
    /// The logger for requests and token events.
    public var logger = Logger(label: "chargeye", factory: { _ in SwiftLogNoOpLogHandler() })
    /// The current time (token expiry, retry deadlines); injected by tests.
    public var now: @Sendable () -> Date = Date.init
    /// Waits between retries and token renewals; injected by tests, so that a test of a
    /// backoff or a `Retry-After` takes no real time and counts exact waits.
    public var sleep: @Sendable (TimeInterval) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }

    /// Creates a configuration with defaults for everything but the endpoint and credential.
    public init(baseURL: URL, refreshToken: Secret?) {
        self.baseURL = baseURL
        self.refreshToken = refreshToken
    }
}
