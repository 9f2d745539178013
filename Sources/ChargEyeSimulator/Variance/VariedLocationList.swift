import ChargEyeAPI
import Foundation

/// The `GET /locations` answer with `DataVariance` applied, made once: the list never changes
/// while the simulator runs, and varying a thousand locations takes milliseconds, which the
/// demo's first paint should not wait for on every start. It is made from the moment the
/// simulator starts, on threads of its own (not Swift's cooperative pool, which the demo's
/// browser needs meanwhile); a request that comes sooner waits for it.
final class VariedLocationList: Sendable {
    private let answer: Task<[UInt8]?, Never>

    init(_ locations: LocationTable) {
        answer = Task.detached(priority: .userInitiated) {
            await withCheckedContinuation { continuation in
                Thread { continuation.resume(returning: Self.make(locations)) }.start()
            }
        }
    }

    /// The varied answer (nil if it could not be made; the generated handler answers then).
    var bytes: [UInt8]? {
        get async { await answer.value }
    }

    private static let opening = Array(#"{"locations":["#.utf8), closing = Array("]}".utf8)

    /// One slice of the list per core, each written by `JSONByteWriter` and varied as a list of
    /// its own (which items vary follows from their ids alone), then the slices' items joined.
    static func make(_ locations: LocationTable) -> [UInt8]? {
        let slices = locations.count < 200 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let parts = Locked([[UInt8]?](repeating: nil, count: slices))
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = (locations.count * slice / slices)..<(locations.count * (slice + 1) / slices)
            var json = JSONByteWriter(capacity: range.count * 450)
            json.object { $0.member("locations", range) { writer, range in writer.array(range) { $0.location(locations[$1]) } } }
            let varied = DataVariance.vary(json.bytes, kind: .locations)
            parts.withLock { $0[slice] = varied }
        }
        var joined = opening
        for part in parts.withLock({ $0 }) {
            guard let part, part.starts(with: opening), part.suffix(closing.count).elementsEqual(closing) else { return nil }
            let items = part[opening.count..<(part.count - closing.count)]
            guard !items.isEmpty else { continue }
            if joined.count > opening.count { joined.append(UInt8(ascii: ",")) }
            joined += items
        }
        return joined + closing
    }
}
