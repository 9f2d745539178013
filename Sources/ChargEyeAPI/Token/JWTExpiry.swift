import Foundation

/// Reads the standard `exp` claim of a JWT, only to time its renewal: the signature is not
/// checked (the server checks it), and nothing else in the token is used or kept.
enum JWTExpiry {
    /// The `exp` claim (seconds since 1970, server clock), or nil when the token is not a JWT
    /// or has no numeric `exp`.
    static func of(_ token: Secret) -> Date? {
        let parts = token.value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Base64URL.decode(parts[1]),
            let claims = JSONNesting.decode(Claims.self, from: payload),
            let exp = claims.exp, exp.isFinite, exp > 0
        else { return nil }
        return Date(timeIntervalSince1970: exp)
    }

    private struct Claims: Decodable {
        var exp: Double?
    }
}
