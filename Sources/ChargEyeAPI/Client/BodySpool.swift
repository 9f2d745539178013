import Foundation

/// A response body on its way from URLSession's thread to its reader. URLSession on Linux
/// delivers bytes as fast as the network gives them and cannot be paused, so a server that
/// sends a large answer faster than it is decoded would pile it up in memory: here up to
/// `memoryLimit` bytes wait in memory, and the rest in an unnamed temporary file (the
/// kernel's page cache, not this process's memory), read back in order. If the reader goes
/// away first, `onReaderGone` stops the transfer.
final class BodySpool: Sendable {
    private struct State {
        /// Bytes in memory, oldest first (all older than any in the file).
        var chunks: [ArraySlice<UInt8>] = []
        var memoryBytes = 0
        /// The spill file, once the memory limit was reached; everything after goes there.
        var file: Int32?
        var written = 0
        var read = 0
        /// How the body ended: nil while bytes may still come.
        var end: Result<Void, any Error>?
        var readerGone = false
        var waiter: CheckedContinuation<Void, Never>?

        /// Whether the reader has something to take (bytes or the end) without waiting.
        var isReady: Bool { readerGone || !chunks.isEmpty || read < written || end != nil }

        /// The reader waiting for bytes, if any, now to be woken.
        mutating func takeWaiter() -> CheckedContinuation<Void, Never>? {
            defer { waiter = nil }
            return waiter
        }

        mutating func closeFile() {
            if let file { close(file) }
            file = nil
        }
    }

    private enum Step {
        case bytes(ArraySlice<UInt8>)
        case end(Result<Void, any Error>)
        case wait
    }

    private let state = Locked(State())
    private let memoryLimit: Int
    private let onReaderGone: @Sendable () -> Void
    /// The most read back from the file at once.
    private static let readSize = 1 << 20

    init(memoryLimit: Int = 4 << 20, onReaderGone: @escaping @Sendable () -> Void) {
        self.memoryLimit = memoryLimit
        self.onReaderGone = onReaderGone
    }

    /// How many bytes wait in memory now (never more than `memoryLimit`).
    var bytesInMemory: Int { state.withLock { $0.memoryBytes } }

    /// Adds the next bytes (URLSession's thread).
    func yield(_ data: Data) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.end == nil, !state.readerGone else { return nil }
            if state.file == nil, state.memoryBytes + data.count > memoryLimit { state.file = Self.openSpillFile() }
            if let file = state.file {
                if Self.write(data, to: file, at: state.written) {
                    state.written += data.count
                } else {
                    state.end = .failure(URLError(.cannotWriteToFile))
                }
            } else {
                state.chunks.append(ArraySlice(data))
                state.memoryBytes += data.count
            }
            return state.takeWaiter()
        }
        waiter?.resume()
    }

    /// Ends the body, with `error` if it failed.
    func finish(throwing error: (any Error)? = nil) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.end == nil { state.end = error.map { .failure($0) } ?? .success(()) }
            return state.takeWaiter()
        }
        waiter?.resume()
    }

    /// The next bytes, in order; nil at the end.
    func next() async throws -> ArraySlice<UInt8>? {
        while true {
            switch state.withLock(takeStep) {
            case .bytes(let bytes):
                return bytes
            case .end(.success):
                return nil
            case .end(.failure(let error)):
                throw error
            case .wait:
                await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
                        // Checked and registered under one lock, so no bytes slip in between.
                        let ready = state.withLock { state -> Bool in
                            if !state.isReady { state.waiter = continuation }
                            return state.isReady
                        }
                        if ready { continuation.resume() }
                    }
                } onCancel: {
                    readerLeft()
                }
                try Task.checkCancellation()
            }
        }
    }

    /// The reader is gone: drop what waits and stop the transfer.
    func readerLeft() {
        let (waiter, wasRunning) = state.withLock { state -> (CheckedContinuation<Void, Never>?, Bool) in
            let wasRunning = !state.readerGone && state.end == nil
            state.readerGone = true
            state.chunks = []
            state.memoryBytes = 0
            state.closeFile()
            return (state.takeWaiter(), wasRunning)
        }
        waiter?.resume()
        if wasRunning { onReaderGone() }
    }

    private func takeStep(_ state: inout State) -> Step {
        if state.readerGone { return .end(.failure(CancellationError())) }
        if !state.chunks.isEmpty {
            let chunk = state.chunks.removeFirst()
            state.memoryBytes -= chunk.count
            return .bytes(chunk)
        }
        if let file = state.file, state.read < state.written {
            var bytes = [UInt8](repeating: 0, count: min(Self.readSize, state.written - state.read))
            let count = bytes.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, off_t(state.read)) }
            guard count > 0 else { return .end(.failure(URLError(.cannotOpenFile))) }
            state.read += count
            return .bytes(bytes[..<count])
        }
        if let end = state.end {
            state.closeFile()
            return .end(end)
        }
        return .wait
    }

    /// A new file in the temporary directory, unlinked at once, so nothing is left behind
    /// and no other process can open it (created 0600).
    private static func openSpillFile() -> Int32? {
        var template = Array((NSTemporaryDirectory() + "/chargeye-body-XXXXXX").utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return file
    }

    private static func write(_ data: Data, to file: Int32, at offset: Int) -> Bool {
        data.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let count = pwrite(file, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                guard count > 0 else { return false }
                done += count
            }
            return true
        }
    }
}

/// A spooled body as the async sequence `HTTPBody` reads; when the sequence and its iterators
/// are gone (read or not), the spool learns that its reader left.
struct SpooledBody: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>

    /// Tells the spool when the last holder of the body lets go.
    fileprivate final class Holder: Sendable {
        let spool: BodySpool
        init(_ spool: BodySpool) { self.spool = spool }
        deinit { spool.readerLeft() }
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate let holder: Holder
        func next() async throws -> ArraySlice<UInt8>? { try await holder.spool.next() }
    }

    private let holder: Holder

    init(_ spool: BodySpool) {
        holder = Holder(spool)
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(holder: holder) }
}
