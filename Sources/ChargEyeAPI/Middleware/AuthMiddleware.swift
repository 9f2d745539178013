public import Foundation
public import HTTPTypes
public import OpenAPIRuntime

/// Adds `Authorization: Bearer <JWT>` to resource calls. On a 401 it gets a fresh token once
/// and replays the request once; a second 401 means the account lacks permission, reported
/// as `.permissionDenied`, never a loop.
public struct AuthMiddleware: ClientMiddleware {
    /// Where the JWT comes from.
    public var tokens: TokenManager

    /// Creates the middleware.
    public init(tokens: TokenManager) {
        self.tokens = tokens
    }

    /// Sends the request with the JWT, replaying it once after a 401.
    public func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let token = try await tokens.validToken()
        do {
            return try await next(Self.authorized(request, with: token.value), body, baseURL)
        } catch {
            guard case .http(let failure)? = ChargEyeError.from(error) as? ChargEyeError, failure.status == 401 else {
                throw error
            }
            let fresh = try await tokens.replaceRejected(token)
            do {
                return try await RequestAttempt.$isReplay.withValue(true) {
                    try await next(Self.authorized(request, with: fresh.value), body, baseURL)
                }
            } catch {
                if case .http(let again)? = ChargEyeError.from(error) as? ChargEyeError, again.status == 401 {
                    throw ChargEyeError.permissionDenied(again)
                }
                throw error
            }
        }
    }

    static func authorized(_ request: HTTPRequest, with bearer: String) -> HTTPRequest {
        var request = request
        request.headerFields[.authorization] = "Bearer \(bearer)"
        return request
    }
}

/// Adds the refresh token as the bearer of the token-exchange call. Used only by the
/// `TokenManager`'s own client.
struct RefreshTokenAuthMiddleware: ClientMiddleware {
    let refreshToken: Secret

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        try await next(AuthMiddleware.authorized(request, with: refreshToken.value), body, baseURL)
    }
}
