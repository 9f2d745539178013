import ChargEyeAPI
import Foundation
import Hummingbird
import NIOCore

/// Streams a large `GET /locations` answer: the list goes out in chunks of `chunkSize`
/// locations, each written as soon as it is encoded, the way a server paging through its
/// database answers, so a client can show the first rows of 100,000 locations while the rest
/// is still being encoded. Lists of up to `threshold` locations are left to the generated
/// handler, which answers in one piece. The bytes are the same JSON either way: the same
/// generated types, encoded compactly.
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
        let locations = locations
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody { writer in
                let encoder = Self.encoder()
                var buffer = ByteBuffer(string: #"{"locations":["#)
                for start in stride(from: 0, to: locations.count, by: Self.chunkSize) {
                    let array = try encoder.encode(Array(locations[start..<min(locations.count, start + Self.chunkSize)]))
                    if start > 0 { buffer.writeString(",") }
                    buffer.writeBytes(array.dropFirst().dropLast())
                    try await writer.write(buffer)
                    buffer.clear()
                }
                buffer.writeString("]}")
                try await writer.write(buffer)
                try await writer.finish(nil)
            }
        )
    }

    /// Encodes as the generated server does: compact, dates through the same transcoder.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = []
        let transcoder = TolerantDateTranscoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try transcoder.encode(date))
        }
        return encoder
    }
}
