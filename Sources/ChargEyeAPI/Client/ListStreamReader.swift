import Foundation
import HTTPTypes
import OpenAPIRuntime
import Synchronization

/// Reads a streamed `{"<key>": [...]}` body (`/locations`, `/stations`): items are decoded in
/// batches as they complete (the first batch as soon as there is one, then 250 at a time, a
/// few at once on other threads, handed over in order; `decodeRegular` for the regular case
/// where there is one, the generated decoder for the rest). An answer that is not the plain
/// shape, or a batch that does not decode, is handed back whole for the ordinary decoder
/// while the answer is small enough to have been kept (`ListStreaming.keptBytes`); past
/// that, the batches already handed over stand and the read fails with what went wrong and
/// where.
struct ListStreamReader<Batch: Collection & Sendable>: Sendable {
    /// How a read ended.
    enum Outcome: Sendable {
        /// Every item was handed over in batches; this many.
        case streamed(Int)
        /// The answer needs the ordinary decoder: here it is, whole.
        case irregular(Data)
    }

    /// The list's key in the answer.
    let key: String
    let response: HTTPResponse
    let request: ChargEyeError.RequestLine
    /// Decodes a batch straight from its items' bytes (as `ListScanner.withCompleteItems`
    /// hands them over), or gives up (nil) for the generated decoder.
    let decodeRegular: @Sendable (UnsafeBufferPointer<UInt8>) -> Batch?
    /// The generated decoder, for a batch (as a whole answer) or the whole answer.
    let decode: @Sendable (Data) async throws -> Batch

    func read(_ body: HTTPBody?, onBatch: @Sendable (Batch) -> Void) async throws -> Outcome {
        var scanner = ListScanner(key: key)
        var streaming = (response.headerFields[.contentType] ?? "").lowercased().contains("json")
        // The answer so far, while it may still be needed whole (nil once it no longer can be).
        var kept: [ArraySlice<UInt8>]? = []
        var keptCount = 0
        var batches = BatchQueue()
        defer { batches.cancel() }
        var chunks = (body ?? HTTPBody()).makeAsyncIterator()
        while true {
            let chunk: ArraySlice<UInt8>
            do {
                guard let next = try await chunks.next() else { break }
                chunk = next
            } catch {
                // The answer broke off: the items that came whole before it still stand.
                if streaming {
                    batches.start(&scanner, reader: self)
                    _ = try? await batches.finish(through: 0, reader: self, canFallBack: false, onBatch: onBatch)
                }
                throw error
            }
            keptCount += chunk.count
            if streaming, keptCount > ListStreaming.keptBytes, kept != nil {
                // The batches read from the kept part settle first: one may still need the
                // answer whole.
                streaming = try await batches.finish(through: 0, reader: self, canFallBack: true, onBatch: onBatch)
                if streaming { kept = nil }
            }
            if kept != nil { kept!.append(chunk) }
            // A large chunk is scanned a slice at a time, so its items go in batches too.
            var sliceStart = chunk.startIndex
            while streaming, sliceStart < chunk.endIndex {
                let sliceEnd = min(chunk.endIndex, sliceStart + ListStreaming.sliceBytes)
                scanner.feed(chunk[sliceStart..<sliceEnd])
                sliceStart = sliceEnd
                if scanner.status == .irregular {
                    guard kept != nil else {
                        _ = try await batches.finish(through: 0, reader: self, canFallBack: false, onBatch: onBatch)
                        throw failure("the answer went wrong after \(batches.delivered) \(key): \(scanner.problem)")
                    }
                    streaming = false
                } else if scanner.completeItemCount >= (batches.isFirst ? 1 : ListStreaming.batchSize) {
                    let isFirst = batches.isFirst
                    batches.start(&scanner, reader: self)
                    // The first batch goes at once (the first rows); the rest are decoded on
                    // other threads, a few at a time, and handed over in order.
                    streaming = try await batches.finish(
                        through: isFirst ? 0 : ListStreaming.batchesAhead, reader: self, canFallBack: kept != nil, onBatch: onBatch
                    )
                }
            }
        }
        try Task.checkCancellation()
        if streaming, scanner.status == .complete, !scanner.extras.allSatisfy(Self.isJSON) {
            guard kept != nil else {
                // An item that does not decode is the first thing wrong, as read.
                _ = try await batches.finish(through: 0, reader: self, canFallBack: false, onBatch: onBatch)
                throw failure("the answer is not valid JSON outside its \(key) list")
            }
            streaming = false
        }
        // The items complete by the end are handed over; a cut-off answer that cannot be
        // decoded whole any more keeps them too.
        if streaming, scanner.status == .complete || kept == nil {
            batches.start(&scanner, reader: self)
            streaming = try await batches.finish(through: 0, reader: self, canFallBack: kept != nil, onBatch: onBatch)
            if streaming, scanner.status == .complete { return .streamed(batches.delivered) }
        }
        guard let kept else { throw failure("the answer ends early, after \(batches.delivered) \(key) (Unexpected end of file)") }
        var whole = Data(capacity: keptCount)
        for chunk in kept { whole.append(contentsOf: chunk) }
        return .irregular(whole)
    }

    /// Batches of items on their way: decoded on other threads (`decodeRegular`), handed over
    /// in the answer's order.
    private struct BatchQueue {
        private struct Pending {
            let items: [UInt8]
            /// Taken by whichever starts the batch first: its task, or the reader when it needs
            /// the batch before the task has run (Swift's few threads may all be busy).
            let claim: Claim
            /// The task's decoding; nil when the reader took the batch first.
            let regular: Task<Batch??, Never>
        }

        private var pending: [Pending] = []
        private var started = false
        /// Items handed over so far.
        private(set) var delivered = 0

        /// No batch has been started yet.
        var isFirst: Bool { !started }

        /// Takes the scanner's complete items as a batch and starts decoding them.
        mutating func start(_ scanner: inout ListScanner, reader: ListStreamReader) {
            guard let items = scanner.withCompleteItems(Array.init) else { return }
            scanner.dropCompleteItems()
            started = true
            let decode = reader.decodeRegular
            let claim = Claim()
            let regular = Task { () -> Batch?? in claim.take() ? .some(items.withUnsafeBufferPointer(decode)) : nil }
            pending.append(Pending(items: items, claim: claim, regular: regular))
        }

        /// Hands over the oldest batches until at most `limit` are left on their way. A batch
        /// that the regular path gives up on goes to the generated decoder; when that fails
        /// too: false if the answer can still be decoded whole (`canFallBack`), else its error
        /// (positions counted from the start of the answer).
        mutating func finish(
            through limit: Int, reader: ListStreamReader, canFallBack: Bool, onBatch: @Sendable (Batch) -> Void
        ) async throws -> Bool {
            while pending.count > limit {
                let next = pending.removeFirst()
                // A batch whose task has not started is decoded here rather than waited for.
                let regular = next.claim.take() ? next.items.withUnsafeBufferPointer(reader.decodeRegular) : (await next.regular.value ?? nil)
                let items: Batch
                if let regular {
                    items = regular
                } else {
                    do {
                        items = try await reader.decode(Data(ListScanner.answer(key: reader.key, items: next.items)))
                    } catch {
                        if canFallBack { return false }
                        throw reader.shifted(await ResponseDecoding.normalizeExplaining(error, request: reader.request), by: delivered)
                    }
                }
                onBatch(items)
                delivered += items.count
            }
            return true
        }

        /// Lets go of the batches still on their way (the read ended early or fell back to the
        /// whole answer): their results are not used; each finishes its batch, which it does
        /// not check for cancellation.
        func cancel() {
            for batch in pending { batch.regular.cancel() }
        }
    }

    /// Whether `bytes` are one JSON value by the ordinary decoder's rules (syntax only, as
    /// when it reads a whole answer and passes over the keys it does not know).
    private static func isJSON(_ bytes: [UInt8]) -> Bool {
        JSONNesting.decode(AnyJSON.self, from: ResponseGuardMiddleware.repairingUTF8(Data(bytes))) != nil
    }

    private func failure(_ detail: String) -> ChargEyeError {
        .decoding(.init(request: request, fieldPath: "", detail: detail))
    }

    /// A batch's decoding error with `key[i]` counted from the start of the answer.
    private func shifted(_ error: any Error, by offset: Int) -> any Error {
        let prefix = "\(key)["
        guard case .decoding(var failure)? = error as? ChargEyeError, failure.fieldPath.hasPrefix(prefix),
            let close = failure.fieldPath.firstIndex(of: "]"),
            let index = Int(failure.fieldPath[failure.fieldPath.index(failure.fieldPath.startIndex, offsetBy: prefix.count)..<close])
        else { return error }
        failure.fieldPath = "\(prefix)\(index + offset)" + failure.fieldPath[close...]
        return ChargEyeError.decoding(failure)
    }
}

/// Who starts a batch's decoding: taken once.
private final class Claim: Sendable {
    private let taken = Atomic<Bool>(false)

    /// True for the first caller only.
    func take() -> Bool {
        taken.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }
}

/// The sizes a streamed read works with.
enum ListStreaming {
    /// Items per batch after the first (which goes as soon as it is complete).
    static let batchSize = 250
    /// How much of a streamed answer is kept for the ordinary decoder, should it need it.
    static let keptBytes = 4 << 20
    /// The most bytes scanned before complete items are taken as a batch (a transport may
    /// hand over a whole answer as one chunk).
    static let sliceBytes = 64 << 10
    /// Batches decoded at once on other threads while the answer is read: one per core.
    static let batchesAhead = max(1, ProcessInfo.processInfo.activeProcessorCount)
}

/// Any JSON value, read for its syntax alone.
private struct AnyJSON: Decodable {
    init(from decoder: any Decoder) {}
}
