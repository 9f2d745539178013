import Synchronization

/// Where asynchronous work delivers its messages to the (single-threaded) run loop. Posting
/// calls `wake` so a loop blocked in poll() notices at once. Posts come from any thread.
public final class Inbox: Sendable {
    private let messages = Mutex<[Message]>([])
    private let wake: Mutex<(@Sendable () -> Void)?>

    /// Creates an inbox; `wake` may be set later with `onPost`.
    public init(wake: (@Sendable () -> Void)? = nil) {
        self.wake = Mutex(wake)
    }

    /// Sets what to call after each post.
    public func onPost(_ wake: @escaping @Sendable () -> Void) {
        self.wake.withLock { $0 = wake }
    }

    /// Adds a message.
    public func post(_ message: Message) {
        messages.withLock { $0.append(message) }
        wake.withLock { $0 }?()
    }

    /// Takes every waiting message, oldest first.
    public func drain() -> [Message] {
        messages.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
    }
}
