import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Reads a streamed `/locations` body: items are decoded in batches as they complete (the
/// first batch as soon as there is one, then 1,000 at a time; `LocationBatchDecoder` for the
/// regular case, the generated decoder for the rest). An answer that is not the plain
/// shape, or a batch that does not decode, is handed back whole for the ordinary decoder while
/// the answer is small enough to have been kept (`keptBytes`); past that, the parts already
/// handed over stand and the read fails with what went wrong and where.
struct LocationStreamReader: Sendable {
    /// How a read ended.
    enum Outcome: Sendable {
        /// Every location was handed over in parts; this many.
        case streamed(Int)
        /// The answer needs the ordinary decoder: here it is, whole.
        case irregular(Data)
    }

    let response: HTTPResponse
    let request: ChargEyeError.RequestLine
    let decode: @Sendable (Data) async throws -> [Location]

    static let batchSize = 1_000
    /// How much of a streamed answer is kept for the ordinary decoder, should it need it.
    static let keptBytes = 4 << 20

    func read(_ body: HTTPBody?, onPart: @Sendable (LocationPart) -> Void) async throws -> Outcome {
        var scanner = LocationListScanner()
        var streaming = (response.headerFields[.contentType] ?? "").lowercased().contains("json")
        // The answer so far, while it may still be needed whole (nil once it no longer can be).
        var kept: [ArraySlice<UInt8>]? = []
        var keptCount = 0
        var delivered = 0
        for try await chunk in body ?? HTTPBody() {
            keptCount += chunk.count
            if streaming, keptCount > Self.keptBytes { kept = nil } else { kept?.append(chunk) }
            guard streaming else { continue }
            scanner.feed(chunk)
            if scanner.status == .irregular {
                guard kept != nil else { throw failure("the answer went wrong after \(delivered) locations: \(scanner.problem)") }
                streaming = false
            } else if scanner.completeItemCount >= (delivered == 0 ? 1 : Self.batchSize) {
                streaming = try await deliverBatch(&scanner, delivered: &delivered, canFallBack: kept != nil, onPart: onPart)
            }
        }
        try Task.checkCancellation()
        if streaming, scanner.status == .complete, !scanner.extras.allSatisfy(Self.isJSON) {
            guard kept != nil else { throw failure("the answer is not valid JSON outside its locations list") }
            streaming = false
        }
        // The items complete by the end are handed over; a cut-off answer that cannot be
        // decoded whole any more keeps them too.
        if streaming, scanner.status == .complete || kept == nil {
            streaming = try await deliverBatch(&scanner, delivered: &delivered, canFallBack: kept != nil, onPart: onPart)
            if streaming, scanner.status == .complete { return .streamed(delivered) }
        }
        guard let kept else { throw failure("the answer ends early, after \(delivered) locations (Unexpected end of file)") }
        var whole = Data(capacity: keptCount)
        for chunk in kept { whole.append(contentsOf: chunk) }
        return .irregular(whole)
    }

    /// Decodes and hands over the complete items. When they do not decode: false if the
    /// answer can still be decoded whole, else the decoder's error (positions counted from the
    /// start of the answer).
    private func deliverBatch(
        _ scanner: inout LocationListScanner, delivered: inout Int, canFallBack: Bool,
        onPart: @Sendable (LocationPart) -> Void
    ) async throws -> Bool {
        guard let batch = scanner.takeBatch() else { return true }
        let locations: [Location]
        do {
            // The regular case straight from the bytes; anything else through the generated decoder.
            if let regular = LocationBatchDecoder.decode(batch) { locations = regular } else { locations = try await decode(Data(batch)) }
        } catch {
            if canFallBack { return false }
            throw Self.shifted(await ResponseDecoding.normalizeExplaining(error, request: request), by: delivered)
        }
        onPart(LocationPart(locations: LocationTable(locations), replacesEarlierParts: false))
        delivered += locations.count
        return true
    }

    /// Whether `bytes` are one JSON value by the ordinary decoder's rules (syntax only, as
    /// when it reads a whole answer and passes over the keys it does not know).
    private static func isJSON(_ bytes: [UInt8]) -> Bool {
        (try? JSONDecoder().decode(AnyJSON.self, from: ResponseGuardMiddleware.repairingUTF8(Data(bytes)))) != nil
    }

    /// Any JSON value, read for its syntax alone.
    private struct AnyJSON: Decodable {
        init(from decoder: any Decoder) {}
    }

    private func failure(_ detail: String) -> ChargEyeError {
        .decoding(.init(request: request, fieldPath: "", detail: detail))
    }

    /// A batch's decoding error with `locations[i]` counted from the start of the answer.
    private static func shifted(_ error: any Error, by offset: Int) -> any Error {
        guard case .decoding(var failure)? = error as? ChargEyeError, failure.fieldPath.hasPrefix("locations["),
            let close = failure.fieldPath.firstIndex(of: "]"),
            let index = Int(failure.fieldPath[failure.fieldPath.index(failure.fieldPath.startIndex, offsetBy: 10)..<close])
        else { return error }
        failure.fieldPath = "locations[\(index + offset)" + failure.fieldPath[close...]
        return ChargEyeError.decoding(failure)
    }
}
