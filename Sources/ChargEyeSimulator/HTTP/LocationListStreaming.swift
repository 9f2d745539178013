import ChargEyeAPI
import Foundation
import Hummingbird
import NIOCore

/// Streams a large `GET /locations` answer: the list goes out in chunks of `chunkSize`
/// locations, each written as soon as it is encoded, the way a server paging through its
/// database answers, so a client can show the first rows of 100,000 locations while the rest
/// is still being encoded. Lists of up to `threshold` locations are left to the generated
/// handler, which answers in one piece. The values are the same either way; the streamed
/// chunks are written by `JSONByteWriter`, compactly.
struct LocationListStreaming: RouterMiddleware {
    typealias Context = SimulatorRequestContext

    let path: String
    let locations: LocationTable

    static let threshold = 5_000
    static let chunkSize = 500

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method == .get, request.uri.path == path, locations.count > Self.threshold else {
            return try await next(request, context)
        }
        let locations = locations, size = Self.chunkSize
        return StreamedList.response(key: "locations", chunks: (locations.count + size - 1) / size) { chunk in
            Array(locations[chunk * size..<min(locations.count, (chunk + 1) * size)])
        } encode: { locations in
            var json = JSONByteWriter(capacity: locations.count * 400)
            json.array(locations) { $0.location($1) }
            return json.bytes
        }
    }
}
