import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Exchanges the refresh token at `GET /auth/refreshAccessToken` (operation
/// `refreshAccessToken` of the definition), through the same middlewares as every call (retry,
/// logging, response checks; never a retry on 401).
///
/// The body is read tolerantly (`TokenAnswer`) rather than by the generated decoder: a server
/// whose `validUntil` is missing or not a date must not lock the user out when the JWT itself
/// is fine and its lifetime can be taken from the JWT or the documented 8 hours.
struct TokenExchange: TokenIssuing {
    let chain: MiddlewareChain?
    let baseURL: URL
    let maxResponseBytes: Int
    private static let line = ChargEyeError.RequestLine(method: "GET", path: "/auth/refreshAccessToken")

    func issueToken() async throws -> TokenAnswer {
        guard let chain else { throw ChargEyeError.missingRefreshToken }
        var request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: Self.line.path)
        request.headerFields[.accept] = "application/json"
        do {
            let (response, body) = try await chain.send(request, baseURL: baseURL, operationID: "refreshAccessToken")
            let data = try await ResponseGuardMiddleware.collect(body, limit: maxResponseBytes, request: Self.line)
            if let notJSON = ErrorBodyReader.notJSON(contentType: response.headerFields[.contentType], body: data) {
                throw ChargEyeError.decoding(.init(request: Self.line, fieldPath: "", detail: notJSON))
            }
            let serverDate = response.headerFields[.date].flatMap(HTTPDate.parse)
            return try TokenAnswer.parse(data, serverDate: serverDate, request: Self.line)
        } catch {
            let unwrapped = ResponseDecoding.normalize(error, request: Self.line)
            if case .http(let failure)? = unwrapped as? ChargEyeError, [401, 403].contains(failure.status) {
                throw ChargEyeError.refreshTokenRejected(failure)
            }
            throw unwrapped
        }
    }
}
