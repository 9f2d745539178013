/// Runs work under an overall time limit: a response body read to its end, a monitoring
/// check that must answer before its monitoring system gives up on it.
public enum Deadline {
    /// `work`'s result, or the error `expired` makes once `seconds` have passed (the work is
    /// then cancelled).
    public static func run<T: Sendable>(
        seconds: Double, expired: @escaping @Sendable () -> any Error, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw expired()
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }
}
