import ChargEyeText
public import Foundation

/// What `/auth/refreshAccessToken` answered, read tolerantly: the JWT is required, but a
/// `validUntil` that is missing, not a date or a number is kept as found, so the lifetime can
/// come from elsewhere (`TokenLifetime`) instead of locking the user out.
public struct TokenAnswer: Sendable {
    /// The answer's `validUntil`, as the server sent it.
    public enum ValidUntil: Sendable, Equatable {
        /// A timestamp that parsed (server clock).
        case date(Date)
        /// No `validUntil` key, or `null`.
        case missing
        /// A string that is not a timestamp (kept, sanitized, for messages).
        case unreadable(String)
        /// A JSON number, which is not a timestamp in this API.
        case number(Double)
    }

    /// The JWT.
    public var token: Secret
    /// The stated expiry.
    public var validUntil: ValidUntil
    /// The response's `Date` header, when present and readable (server clock).
    public var serverDate: Date?

    /// Creates an answer.
    public init(token: Secret, validUntil: ValidUntil, serverDate: Date?) {
        self.token = token
        self.validUntil = validUntil
        self.serverDate = serverDate
    }

    /// Reads the JSON body of the exchange. Throws `.decoding` (with the field) when there is
    /// no usable `token`; anything in `validUntil` is accepted.
    static func parse(_ body: Data, serverDate: Date?, request: ChargEyeError.RequestLine) throws -> TokenAnswer {
        func failure(_ field: String, _ detail: String) -> ChargEyeError {
            .decoding(.init(request: request, fieldPath: field, detail: detail))
        }
        if let explanation = JSONDiagnosis.explain(body) { throw failure("", explanation) }
        guard let fields = JSONNesting.decode(Fields.self, from: body) else {
            throw failure("", "expected a JSON object with `token` and `validUntil`")
        }
        guard case .text(let jwt)? = fields.token else {
            throw failure("token", fields.token == nil || fields.token == .null ? "missing" : "expected text")
        }
        guard !Secret(jwt).isEmpty else { throw failure("token", "empty") }
        return TokenAnswer(token: Secret(jwt), validUntil: ValidUntil(fields.validUntil), serverDate: serverDate)
    }

    /// The two fields, each as whatever JSON value it holds.
    private struct Fields: Decodable {
        var token: Value?
        var validUntil: Value?
    }

    /// One JSON value, by kind (objects and arrays are only "other").
    enum Value: Decodable, Equatable {
        case text(String), number(Double), null, other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let text = try? container.decode(String.self) {
                self = .text(text)
            } else if (try? container.decode(Bool.self)) != nil {
                self = .other
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .other
            }
        }
    }
}

extension TokenAnswer.ValidUntil {
    init(_ value: TokenAnswer.Value?) {
        switch value {
        case .text(let text)?:
            self = TolerantDateTranscoder.parse(text).map(Self.date) ?? .unreadable(TextSanitizer.singleLine(text, limit: 40))
        case .number(let number)?: self = .number(number)
        case .other?: self = .unreadable("neither text nor a number")
        case .null?, nil: self = .missing
        }
    }
}
