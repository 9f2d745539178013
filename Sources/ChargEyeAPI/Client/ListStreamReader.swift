import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Reads a streamed `{"<key>": [...]}` body (`/locations`, `/stations`): items are decoded in
/// batches as they complete (the first batch as soon as there is one, then 1,000 at a time;
/// `decodeRegular` for the regular case where there is one, the generated decoder for the
/// rest). An answer that is not the plain shape, or a batch that does not decode, is handed
/// back whole for the ordinary decoder while the answer is small enough to have been kept
/// (`ListStreaming.keptBytes`); past that, the batches already handed over stand and the read
/// fails with what went wrong and where.
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
        var delivered = 0
        for try await chunk in body ?? HTTPBody() {
            keptCount += chunk.count
            if streaming, keptCount > ListStreaming.keptBytes { kept = nil } else { kept?.append(chunk) }
            guard streaming else { continue }
            scanner.feed(chunk)
            if scanner.status == .irregular {
                guard kept != nil else { throw failure("the answer went wrong after \(delivered) \(key): \(scanner.problem)") }
                streaming = false
            } else if scanner.completeItemCount >= (delivered == 0 ? 1 : ListStreaming.batchSize) {
                streaming = try await deliverBatch(&scanner, delivered: &delivered, canFallBack: kept != nil, onBatch: onBatch)
            }
        }
        try Task.checkCancellation()
        if streaming, scanner.status == .complete, !scanner.extras.allSatisfy(Self.isJSON) {
            guard kept != nil else { throw failure("the answer is not valid JSON outside its \(key) list") }
            streaming = false
        }
        // The items complete by the end are handed over; a cut-off answer that cannot be
        // decoded whole any more keeps them too.
        if streaming, scanner.status == .complete || kept == nil {
            streaming = try await deliverBatch(&scanner, delivered: &delivered, canFallBack: kept != nil, onBatch: onBatch)
            if streaming, scanner.status == .complete { return .streamed(delivered) }
        }
        guard let kept else { throw failure("the answer ends early, after \(delivered) \(key) (Unexpected end of file)") }
        var whole = Data(capacity: keptCount)
        for chunk in kept { whole.append(contentsOf: chunk) }
        return .irregular(whole)
    }

    /// Decodes and hands over the complete items. When they do not decode: false if the
    /// answer can still be decoded whole, else the decoder's error (positions counted from the
    /// start of the answer).
    private func deliverBatch(
        _ scanner: inout ListScanner, delivered: inout Int, canFallBack: Bool, onBatch: @Sendable (Batch) -> Void
    ) async throws -> Bool {
        guard scanner.completeItemCount > 0 else { return true }
        let items: Batch
        if let regular = scanner.withCompleteItems(decodeRegular) ?? nil {
            items = regular
        } else {
            do {
                items = try await decode(Data(scanner.completeItemsAnswer() ?? []))
            } catch {
                if canFallBack { return false }
                throw shifted(await ResponseDecoding.normalizeExplaining(error, request: request), by: delivered)
            }
        }
        scanner.dropCompleteItems()
        onBatch(items)
        delivered += items.count
        return true
    }

    /// Whether `bytes` are one JSON value by the ordinary decoder's rules (syntax only, as
    /// when it reads a whole answer and passes over the keys it does not know).
    private static func isJSON(_ bytes: [UInt8]) -> Bool {
        (try? JSONDecoder().decode(AnyJSON.self, from: ResponseGuardMiddleware.repairingUTF8(Data(bytes)))) != nil
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

/// The sizes a streamed read works with.
enum ListStreaming {
    /// Items per batch after the first (which goes as soon as it is complete).
    static let batchSize = 1_000
    /// How much of a streamed answer is kept for the ordinary decoder, should it need it.
    static let keptBytes = 4 << 20
}

/// Any JSON value, read for its syntax alone.
private struct AnyJSON: Decodable {
    init(from decoder: any Decoder) {}
}
