import ChargEyeAPI
import Foundation
import Hummingbird
import NIOCore

/// Streams the unfiltered `GET /stations` of a large fleet: the stations go out location by
/// location, `locationsPerChunk` at a time, each chunk written as soon as it is made, so the
/// first bytes leave at once instead of after the whole answer (20,000 stations are tens of
/// MB). Smaller fleets, filtered calls and a simulator that wants a filter are left to the
/// generated handler. The items are the ones `Fleet.allStations` gives, before data variance
/// applies (as `LocationListStreaming` does), written by `JSONByteWriter`: the same values as
/// the generated encoder, 55 MB in 0.75 s against its 4.8 s.
struct StationListStreaming: RouterMiddleware {
    typealias Context = SimulatorRequestContext

    let path: String
    let fleet: Fleet
    /// Above this many locations the answer is streamed (`Configuration.streamStationsAbove`).
    let threshold: Int
    let now: @Sendable () -> Date

    static let locationsPerChunk = 50

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method == .get, request.uri.path == path, request.uri.query?.isEmpty ?? true,
            fleet.locations.count > threshold
        else {
            return try await next(request, context)
        }
        let fleet = fleet, time = now(), size = Self.locationsPerChunk
        return StreamedList.response(key: "stations", chunks: (fleet.locations.count + size - 1) / size) { chunk in
            fleet.stations(locationIndices: chunk * size..<min(fleet.locations.count, (chunk + 1) * size), now: time)
        } encode: { stations in
            var json = JSONByteWriter(capacity: stations.count * 3_000)
            json.array(stations) { $0.station($1) }
            return json.bytes
        }
    }
}
