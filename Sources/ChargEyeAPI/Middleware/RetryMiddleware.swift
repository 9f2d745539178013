public import Foundation
public import HTTPTypes
public import OpenAPIRuntime

/// Retries idempotent requests that failed in a way worth retrying (see `RetryPolicy`),
/// reporting every scheduled retry to an observer.
public struct RetryMiddleware: ClientMiddleware {
    /// How often and how long to retry.
    public var policy: RetryPolicy
    /// Told about every retry before the wait starts.
    public var observer: (@Sendable (RetryEvent) -> Void)?
    /// The current time; injected by tests.
    public var now: @Sendable () -> Date
    /// Waits; injected by tests.
    public var sleep: @Sendable (TimeInterval) async throws -> Void
    /// A random number in 0..<1; injected by tests.
    public var random: @Sendable () -> Double

    /// Creates the middleware.
    public init(
        policy: RetryPolicy,
        observer: (@Sendable (RetryEvent) -> Void)? = nil,
        now: @escaping @Sendable () -> Date = Date.init,
        sleep: @escaping @Sendable (TimeInterval) async throws -> Void = { try await Task.sleep(for: .seconds($0)) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.policy = policy
        self.observer = observer
        self.now = now
        self.sleep = sleep
        self.random = random
    }

    private static let idempotentMethods: Set<HTTPRequest.Method> = [.get, .head, .options, .put, .delete]

    /// Runs the request, retrying as the policy allows.
    public func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard Self.idempotentMethods.contains(request.method) else {
            return try await next(request, body, baseURL)
        }
        let started = now()
        var attempt = 1
        while true {
            do {
                return try await RequestAttempt.$number.withValue(attempt) {
                    try await next(request, body, baseURL)
                }
            } catch {
                guard let failure = ChargEyeError.from(error) as? ChargEyeError else { throw error }
                // A failure of another request made inside this one (the token exchange) has had
                // its own retries; retrying this call would only repeat them.
                if let failed = failure.request, failed.path != request.path { throw failure }
                let delay = try plannedDelay(after: failure, attempt: attempt, started: started)
                observer?(RetryEvent(
                    request: failure.request ?? .init(method: request.method.rawValue, path: request.path ?? "/"),
                    nextAttempt: attempt + 1, maxAttempts: policy.maxAttempts, delay: delay,
                    reason: failure.shortReason, scheduledAt: now()
                ))
                try await sleep(delay)
                attempt += 1
            }
        }
    }

    /// The wait before the next attempt, or throws the final error when there is none.
    private func plannedDelay(after failure: ChargEyeError, attempt: Int, started: Date) throws -> TimeInterval {
        guard failure.isRetryable, attempt < policy.maxAttempts else { throw failure.withAttempts(attempt) }
        let remaining = policy.deadline - now().timeIntervalSince(started)
        if case .http(var http) = failure, let retryAfter = http.retryAfter {
            guard retryAfter <= remaining else {
                http.attempts = attempt
                http.retryAfterExceedsDeadline = true
                throw ChargEyeError.http(http)
            }
            return retryAfter
        }
        let delay = random() * policy.backoffCeiling(after: attempt)
        guard delay < remaining else { throw failure.withAttempts(attempt) }
        return delay
    }
}
