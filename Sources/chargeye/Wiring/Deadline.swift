/// Runs work with an overall time limit (a plugin must answer before its monitoring system
/// gives up on it).
enum Deadline {
    /// The limit passed.
    struct Exceeded: Error, CustomStringConvertible {
        let seconds: Double
        var description: String { "no answer within the \(Int(seconds)) s deadline (--deadline); the API or the network is slow" }
    }

    /// `work`'s result, or `Exceeded` after `seconds` (the work is cancelled).
    static func run<T: Sendable>(seconds: Double, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw Exceeded(seconds: seconds) }
            return value
        }
    }
}
