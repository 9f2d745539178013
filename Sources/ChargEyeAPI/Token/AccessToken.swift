public import Foundation

/// A JWT and its validity, in this machine's clock (already corrected for server clock skew).
public struct AccessToken: Sendable, Equatable, Codable {
    /// The JWT. Never printed.
    public var jwt: Secret
    /// When it stops working, in local time.
    public var expiresAt: Date
    /// When it was obtained, in local time.
    public var obtainedAt: Date

    /// Creates a token record.
    public init(jwt: Secret, expiresAt: Date, obtainedAt: Date) {
        self.jwt = jwt
        self.expiresAt = expiresAt
        self.obtainedAt = obtainedAt
    }

    /// The header value's secret part.
    public var value: String { jwt.value }

    /// How long the token was issued for.
    public var lifetime: TimeInterval { max(0, expiresAt.timeIntervalSince(obtainedAt)) }

    private enum CodingKeys: String, CodingKey { case token, expiresAt, obtainedAt }

    /// Decodes the on-disk cache form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        jwt = Secret(try container.decode(String.self, forKey: .token))
        expiresAt = try container.decode(Date.self, forKey: .expiresAt)
        obtainedAt = try container.decode(Date.self, forKey: .obtainedAt)
    }

    /// Encodes the on-disk cache form (the only place the JWT is ever written).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jwt.value, forKey: .token)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(obtainedAt, forKey: .obtainedAt)
    }
}

/// What `/auth/refreshAccessToken` answered, in server time.
public struct IssuedToken: Sendable {
    /// The JWT.
    public var token: Secret
    /// Expiry as the server states it (server clock).
    public var validUntil: Date
    /// The response's `Date` header, when present (server clock).
    public var serverDate: Date?

    /// Creates the record.
    public init(token: Secret, validUntil: Date, serverDate: Date?) {
        self.token = token
        self.validUntil = validUntil
        self.serverDate = serverDate
    }

    /// The token in local time. When the server's clock and ours differ by more than the
    /// Date header's one-second resolution allows, the remaining lifetime the server stated
    /// (`validUntil - Date`) is counted from our `receivedAt` instead of trusting `validUntil`.
    public func localized(receivedAt: Date) -> AccessToken {
        var expiresAt = validUntil
        if let serverDate, abs(serverDate.timeIntervalSince(receivedAt)) > 2 {
            expiresAt = receivedAt.addingTimeInterval(validUntil.timeIntervalSince(serverDate))
        }
        return AccessToken(jwt: token, expiresAt: expiresAt, obtainedAt: receivedAt)
    }
}

/// Anything that can exchange the refresh token for a JWT.
public protocol TokenIssuing: Sendable {
    /// Performs one exchange (with the transport's own retries).
    func issueToken() async throws -> IssuedToken
}
