import Foundation
import OpenAPIRuntime

/// Exchanges the refresh token through the generated client's `refreshAccessToken` operation
/// (with retry, logging and response checks, but never a retry on 401).
struct GeneratedTokenIssuer: TokenIssuing {
    let client: Client?
    private static let line = ChargEyeError.RequestLine(method: "GET", path: "/auth/refreshAccessToken")

    func issueToken() async throws -> IssuedToken {
        guard let client else { throw ChargEyeError.missingRefreshToken }
        let output: Operations.RefreshAccessToken.Output
        do {
            output = try await client.refreshAccessToken()
        } catch {
            let unwrapped = ChargEyeError.from(error, request: Self.line)
            if case .http(let failure)? = unwrapped as? ChargEyeError, [401, 403].contains(failure.status) {
                throw ChargEyeError.refreshTokenRejected(failure)
            }
            throw await ResponseDecoding.normalizeExplaining(error, request: Self.line)
        }
        let ok = try ResponseDecoding.expectOK(output.ok, request: Self.line)
        let body = try ok.body.json
        let serverDate = ok.headers.date.flatMap(HTTPDate.parse)
        return IssuedToken(token: Secret(body.token), validUntil: body.validUntil, serverDate: serverDate)
    }

}
