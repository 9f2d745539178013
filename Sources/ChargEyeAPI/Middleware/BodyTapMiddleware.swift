public import Foundation
public import HTTPTypes
public import OpenAPIRuntime
import Synchronization

/// Keeps a copy of the last successful body of the calls made inside
/// `ChargEyeClient.keepingSource` (one slot: the last body wins), so lossless JSON output can print what the server sent
/// while the generated decoder stays the reference for the typed result and its errors. It sits
/// just outside the response guard, so the copy is the vetted, UTF-8-repaired body. Outside
/// `keepingSource` it costs one task-local read.
struct BodyTapMiddleware: ClientMiddleware {
    /// Where the bodies of the current task's calls go, when someone asked for them.
    @TaskLocal static var tap: BodyTap?

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await next(request, body, baseURL)
        guard let tap = Self.tap, let responseBody, case .known = responseBody.length else { return (response, responseBody) }
        let data = try await Data(collecting: responseBody, upTo: .max)
        tap.keep(data)
        return (response, HTTPBody(data))
    }
}

/// The body a tapped call answered with.
final class BodyTap: Sendable {
    private let body = Mutex<Data?>(nil)

    func keep(_ data: Data) { body.withLock { $0 = data } }

    var kept: Data? { body.withLock { $0 } }
}
