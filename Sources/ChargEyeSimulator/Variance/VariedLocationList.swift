import ChargEyeAPI
import Foundation
import Synchronization

/// The `GET /locations` answer with `DataVariance` applied, made once: the list never changes
/// while the simulator runs, and varying a thousand locations takes tens of milliseconds, which
/// the demo's first paint should not wait for on every start. It is made in the background
/// from the moment the simulator starts; a request that comes sooner waits for it.
final class VariedLocationList: Sendable {
    private let answer: Task<[UInt8]?, Never>

    init(_ locations: LocationTable) {
        answer = Task.detached(priority: .userInitiated) {
            guard let plain = try? StreamedList.encoder().encode(Components.Schemas.LocationList(locations: Array(locations)))
            else { return nil }
            return DataVariance.vary(Array(plain), kind: .locations)
        }
    }

    /// The varied answer (nil if it could not be made; the generated handler answers then).
    var bytes: [UInt8]? {
        get async { await answer.value }
    }
}
