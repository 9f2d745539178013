import Hummingbird
import NIOCore

/// Applies `DataVariance` to the API's successful JSON answers, except those answered before
/// they get here: the streamed locations list, and the unfiltered stations list
/// (`StationListStreaming` varies a small fleet's itself). The locations list, which never
/// changes, is varied once (`VariedLocationList`).
struct DataVarianceMiddleware: RouterMiddleware {
    typealias Context = SimulatorRequestContext

    let apiPrefix: String
    /// The varied locations list; nil when the list is streamed (and never varied).
    let locations: VariedLocationList?

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if request.method == .get, request.uri.path == apiPrefix + "/locations", let varied = await locations?.bytes {
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: varied)))
        }
        let response = try await next(request, context)
        guard response.status == .ok, request.uri.path.hasPrefix(apiPrefix + "/"),
            let kind = DataVariance.Kind(path: request.uri.path.dropFirst(apiPrefix.count)), kind != .locations
        else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        guard let varied = DataVariance.vary(Array(buffer: collector.buffer.value), kind: kind) else {
            return Response(status: response.status, headers: response.headers, body: .init(byteBuffer: collector.buffer.value))
        }
        var headers = response.headers
        headers[.contentLength] = nil
        return Response(status: response.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: varied)))
    }

    /// Collects a response body written through `ResponseBodyWriter`.
    private struct BodyCollector: ResponseBodyWriter {
        final class Box: @unchecked Sendable { var value = ByteBuffer() }
        let buffer = Box()

        mutating func write(_ part: ByteBuffer) async throws {
            var part = part
            buffer.value.writeBuffer(&part)
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
