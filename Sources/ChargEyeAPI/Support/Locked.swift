public import Foundation

/// A value behind a pthread mutex (`NSLock`). Used where threads outside Swift's concurrency
/// runtime (the terminal thread, SwiftNIO's event loops) meet: ThreadSanitizer sees this
/// lock's ordering, while `Synchronization.Mutex` locks inside the uninstrumented runtime on
/// Linux and is reported as a race.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Wraps `value`.
    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
