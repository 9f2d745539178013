import Foundation
import HTTPTypes
import Hummingbird

/// What a real API gateway answers outside the routes: a path the API has with a method it does
/// not take is `405 Method Not Allowed` with `Allow: GET`, a path it does not have is `404`, and
/// every error (the router's own included) carries `{"errorMessage": ...}`.
struct RouteGuard: RouterMiddleware {
    typealias Context = SimulatorRequestContext

    let apiPrefix: String

    /// The API's paths; `*` stands for one path segment (an id).
    static let routes: [[Substring]] = [
        "/auth/refreshAccessToken", "/locations", "/locations/*", "/locations/*/stations", "/stations",
        "/chargingStations/*/transactions", "/vehicles",
    ].map { $0.split(separator: "/") }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix(apiPrefix + "/") || path == apiPrefix else { return try await next(request, context) }
        let segments = path.dropFirst(apiPrefix.count).split(separator: "/")
        guard Self.routes.contains(where: { Self.matches(segments, $0) }) else {
            return ErrorResponse.make(status: 404, message: "No such API path: \(Self.printable(path))")
        }
        guard request.method == .get else {
            var response = ErrorResponse.make(
                status: 405, message: "Method \(request.method.rawValue) is not allowed on \(Self.printable(path)); use GET"
            )
            response.headers[.allow] = "GET"
            return response
        }
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            let status = error.status.code
            return ErrorResponse.make(status: status, message: "\(status) \(error.status.reasonPhrase)")
        }
    }

    private static func matches(_ segments: [Substring], _ route: [Substring]) -> Bool {
        segments.count == route.count && zip(segments, route).allSatisfy { $1 == "*" || $0 == $1 }
    }

    /// The path for a message: at most 200 characters, no control characters.
    private static func printable(_ path: String) -> String {
        String(path.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(200).map(Character.init))
    }
}
