import Foundation
import Hummingbird
import OpenAPIRuntime

/// In front of every API route, in this order: counts the request, applies injected latency
/// and faults, then checks the credential the way ChargEye does (the refresh token on the
/// token endpoint, a valid unexpired JWT everywhere else; 401 with an errorMessage otherwise).
struct GatewayMiddleware: RouterMiddleware {
    typealias Context = SimulatorRequestContext

    let apiPrefix: String
    let faults: FaultInjector
    let authority: TokenAuthority

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard path == apiPrefix || path.hasPrefix(apiPrefix + "/") else { return try await next(request, context) }
        let apiPath = String(path.dropFirst(apiPrefix.count))
        let decision = faults.decide(path: apiPath, query: request.uri.query)
        if decision.delayMs > 0 { try await Task.sleep(for: .milliseconds(decision.delayMs)) }
        if let fault = decision.fault { return ErrorResponse.make(for: fault) }

        let bearer = Self.bearer(in: request)
        if apiPath == "/auth/refreshAccessToken" {
            guard let bearer, Self.constantTimeEquals(bearer, authority.refreshToken) else {
                return ErrorResponse.make(status: 401, message: "Invalid refresh token")
            }
            return try await next(request, context)
        }
        do {
            try authority.verify(bearer, now: Date())
        } catch {
            return ErrorResponse.make(status: 401, message: error.message)
        }
        do {
            return try await next(request, context)
        } catch let error as ServerError where error.operationInput == nil {
            // The request could not be decoded (a malformed query parameter, say): a client error.
            return ErrorResponse.make(status: 400, message: "Invalid request: \(error.causeDescription)")
        }
    }

    private static func bearer(in request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }

    private static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
