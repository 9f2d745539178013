public import Foundation

/// A JWT and its validity, in this machine's clock (already corrected for server clock skew).
public struct AccessToken: Sendable, Equatable, Codable {
    /// The JWT. Never printed.
    public var jwt: Secret
    /// When it stops working, in local time.
    public var expiresAt: Date
    /// When it was obtained, in local time.
    public var obtainedAt: Date
    /// Which evidence `expiresAt` came from.
    public var lifetimeSource: TokenLifetimeSource
    /// What was wrong with the server's answer (e.g. "arrive already expired"), if anything.
    public var problem: String?

    /// Creates a token record.
    public init(
        jwt: Secret, expiresAt: Date, obtainedAt: Date, lifetimeSource: TokenLifetimeSource = .validUntil,
        problem: String? = nil
    ) {
        self.jwt = jwt
        self.expiresAt = expiresAt
        self.obtainedAt = obtainedAt
        self.lifetimeSource = lifetimeSource
        self.problem = problem
    }

    /// The token an exchange answer gives, received at `receivedAt` (local clock), with its
    /// lifetime as resolved from that answer.
    init(_ answer: TokenAnswer, lifetime: TokenLifetime, receivedAt: Date) {
        self.init(
            jwt: answer.token, expiresAt: lifetime.expiresAt, obtainedAt: receivedAt,
            lifetimeSource: lifetime.source, problem: lifetime.problem
        )
    }

    /// The header value's secret part.
    public var value: String { jwt.value }

    /// How long the token was issued for.
    public var lifetime: TimeInterval { max(0, expiresAt.timeIntervalSince(obtainedAt)) }

    private enum CodingKeys: String, CodingKey { case token, expiresAt, obtainedAt, lifetimeSource, problem }

    /// Decodes the on-disk cache form (files from before `lifetimeSource` read as `validUntil`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        jwt = Secret(try container.decode(String.self, forKey: .token))
        expiresAt = try container.decode(Date.self, forKey: .expiresAt)
        obtainedAt = try container.decode(Date.self, forKey: .obtainedAt)
        lifetimeSource = (try? container.decodeIfPresent(TokenLifetimeSource.self, forKey: .lifetimeSource)) ?? .validUntil
        problem = try? container.decodeIfPresent(String.self, forKey: .problem)
    }

    /// Encodes the on-disk cache form (the only place the JWT is ever written).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jwt.value, forKey: .token)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(obtainedAt, forKey: .obtainedAt)
        try container.encode(lifetimeSource, forKey: .lifetimeSource)
        try container.encodeIfPresent(problem, forKey: .problem)
    }
}

/// Anything that can exchange the refresh token for a JWT.
public protocol TokenIssuing: Sendable {
    /// Performs one exchange (with the transport's own retries).
    func issueToken() async throws -> TokenAnswer
}
