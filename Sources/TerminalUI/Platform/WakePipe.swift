import Foundation

/// A self-pipe: other threads write a byte to wake the run loop from poll().
final class WakePipe: Sendable {
    let readEnd: Int32
    private let writeEnd: Int32

    init() throws {
        (readEnd, writeEnd) = try Platform.makePipe()
    }

    /// Wakes the loop (a full pipe already means "wake up", so a failed write is fine).
    func wake() {
        Platform.write([1], to: writeEnd)
    }

    /// Empties the pipe.
    func drain() {
        Platform.discardAvailable(readEnd)
    }

    deinit {
        Platform.close(readEnd)
        Platform.close(writeEnd)
    }
}
