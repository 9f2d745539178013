import Synchronization

/// A one-shot gate: `wait()` returns once `open()` has been called, before or after.
final class Latch: Sendable {
    private enum State {
        case closed(CheckedContinuation<Void, Never>?)
        case open
    }

    private let state = Mutex(State.closed(nil))

    func open() {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            defer { state = .open }
            if case .closed(let continuation) = state { return continuation }
            return nil
        }
        waiter?.resume()
    }

    /// Whether `open()` has been called.
    var isOpen: Bool {
        state.withLock { state in
            if case .open = state { return true }
            return false
        }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let alreadyOpen = state.withLock { state in
                if case .open = state { return true }
                state = .closed(continuation)
                return false
            }
            if alreadyOpen { continuation.resume() }
        }
    }
}
