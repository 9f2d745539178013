public import Foundation

/// When and how often a failed idempotent request is tried again.
///
/// Exponential backoff with full jitter: before attempt n+1 the client waits a random time
/// between 0 and `min(maxDelay, baseDelay * 2^(n-1))`, or exactly the server's `Retry-After`
/// when it sent one. All attempts and waits share one `deadline`.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first one included.
    public var maxAttempts: Int
    /// The backoff unit, in seconds.
    public var baseDelay: TimeInterval
    /// The longest single wait, in seconds.
    public var maxDelay: TimeInterval
    /// The time budget of one call, all attempts and waits included, in seconds. A
    /// `Retry-After` that would outlast it makes the call fail at once, naming the wait.
    public var deadline: TimeInterval

    /// HTTP statuses worth retrying: rate limiting and transient server failures.
    public static let retryableStatuses: Set<Int> = [429, 500, 502, 503, 504]

    /// The default policy: 3 attempts, 250 ms base, 8 s cap, 60 s deadline.
    public static let standard = RetryPolicy(maxAttempts: 3, baseDelay: 0.25, maxDelay: 8, deadline: 60)

    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1, baseDelay: 0, maxDelay: 0, deadline: .infinity)

    /// Creates a policy.
    public init(maxAttempts: Int, baseDelay: TimeInterval, maxDelay: TimeInterval, deadline: TimeInterval) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.deadline = deadline
    }

    /// The longest backoff before the attempt after `attempt` (1-based), before jitter.
    public func backoffCeiling(after attempt: Int) -> TimeInterval {
        let exponent = Double(max(0, attempt - 1))
        return min(maxDelay, baseDelay * pow(2, exponent))
    }
}

/// A retry the client has scheduled; the UI shows it as "retry 2/3 in 1.2 s".
public struct RetryEvent: Sendable, Equatable {
    /// The request being retried.
    public var request: ChargEyeError.RequestLine
    /// The attempt about to be made (2 for the first retry).
    public var nextAttempt: Int
    /// Attempts allowed in all.
    public var maxAttempts: Int
    /// How long the client waits before it, in seconds.
    public var delay: TimeInterval
    /// Why: the status or transport failure of the attempt that failed.
    public var reason: String
    /// When the retry was scheduled.
    public var scheduledAt: Date

    /// Creates an event.
    public init(
        request: ChargEyeError.RequestLine, nextAttempt: Int, maxAttempts: Int, delay: TimeInterval,
        reason: String, scheduledAt: Date
    ) {
        self.request = request
        self.nextAttempt = nextAttempt
        self.maxAttempts = maxAttempts
        self.delay = delay
        self.reason = reason
        self.scheduledAt = scheduledAt
    }
}
