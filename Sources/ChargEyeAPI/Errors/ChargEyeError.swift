public import Foundation
import OpenAPIRuntime

/// Every failure the API core reports. The rest of the app switches over this one type.
public enum ChargEyeError: Error, Sendable, Equatable {
    /// The server answered with a non-success status (after any retries).
    case http(HTTPFailure)
    /// A resource call was refused with 401 even with a freshly obtained token: the account
    /// lacks permission (ChargEye uses 401 for "no permission" too).
    case permissionDenied(HTTPFailure)
    /// The refresh token was refused by `/auth/refreshAccessToken`.
    case refreshTokenRejected(HTTPFailure)
    /// No refresh token was configured.
    case missingRefreshToken
    /// The request never got an HTTP answer: DNS, refused connection, TLS, timeout, reset.
    case transport(TransportFailure)
    /// The response body was larger than the configured limit.
    case responseTooLarge(RequestLine, limitBytes: Int)
    /// The response arrived but did not have the expected shape.
    case decoding(DecodingFailure)
    /// The configuration cannot work (for example, a base URL that is not http or https).
    case invalidConfiguration(String)
    /// A paged list could not be walked to its end: the server repeated a cursor, offered more
    /// with a page that added nothing, or went past the page bound. What came is kept.
    case pagination(PaginationFailure)
    /// The server refused `GET /stations` without a filter, and the fleet has more locations
    /// than chargeye will read one by one.
    case fleetTooLarge(FleetLimitFailure)

    /// The request line of an API call, for messages.
    public struct RequestLine: Sendable, Equatable, CustomStringConvertible {
        /// HTTP method, e.g. `GET`.
        public var method: String
        /// Path and query relative to the base URL, e.g. `/locations`.
        public var path: String

        /// Creates a request line.
        public init(method: String, path: String) {
            self.method = method
            self.path = path
        }

        /// `GET /locations`.
        public var description: String { "\(method) \(path)" }
    }

    /// A non-success HTTP answer.
    public struct HTTPFailure: Sendable, Equatable {
        /// The request that failed.
        public var request: RequestLine
        /// HTTP status code.
        public var status: Int
        /// The server's `errorMessage`, when the body had one.
        public var serverMessage: String?
        /// A short, sanitized excerpt of a body that was not ChargEye's JSON error (e.g. a proxy page).
        public var bodyExcerpt: String?
        /// The server's `Retry-After`, in seconds, when it sent one.
        public var retryAfter: TimeInterval?
        /// How many attempts were made in all.
        public var attempts: Int
        /// True when retrying stopped because the server's `Retry-After` would outlast the
        /// retry deadline, rather than waiting it out silently.
        public var retryAfterExceedsDeadline: Bool
        /// Where a 3xx answer pointed (its `Location`, sanitized); nil when it had none.
        public var location: String?

        /// Creates a failure description.
        public init(
            request: RequestLine, status: Int, serverMessage: String? = nil, bodyExcerpt: String? = nil,
            retryAfter: TimeInterval? = nil, attempts: Int = 1, retryAfterExceedsDeadline: Bool = false,
            location: String? = nil
        ) {
            self.request = request
            self.status = status
            self.serverMessage = serverMessage
            self.bodyExcerpt = bodyExcerpt
            self.retryAfter = retryAfter
            self.attempts = attempts
            self.retryAfterExceedsDeadline = retryAfterExceedsDeadline
            self.location = location
        }
    }

    /// A request that never got an HTTP answer.
    public struct TransportFailure: Sendable, Equatable {
        /// What went wrong, in categories a user can act on.
        public enum Kind: Sendable, Equatable {
            /// The host name did not resolve.
            case hostNotFound
            /// Nothing listens at the address, or the host is unreachable.
            case connectionRefused
            /// The secure connection failed: the server's certificate was not accepted, or the
            /// TLS handshake itself failed. Never retried: a certificate does not mend itself.
            case tls(TLSProblem)
            /// The proxy refused to open the tunnel or answered what is not a proxy's answer.
            case proxy
            /// No complete answer within the timeout, in seconds.
            case timeout(TimeInterval)
            /// The connection dropped before the answer was complete.
            case connectionLost
            /// The machine has no network.
            case offline
            /// The server kept redirecting (to itself, or round a loop) past the platform's limit.
            case redirectLoop
            /// The answer was not HTTP the platform could read (e.g. a 1xx status as the final answer).
            case notHTTP
            /// Anything else the platform reported.
            case other
        }

        /// Why a secure connection failed, in the terms of its fix.
        public enum TLSProblem: String, Sendable, Equatable, CaseIterable {
            /// The server's certificate signs itself and is not among the trusted ones.
            case selfSigned = "self-signed"
            /// The certificate chains to an authority that is not trusted here (a private CA,
            /// or a proxy that inspects TLS with its own).
            case unknownAuthority = "unknown-authority"
            /// A certificate in the chain has expired.
            case expired
            /// A certificate in the chain is not valid yet (or this machine's clock is behind).
            case notYetValid = "not-yet-valid"
            /// The certificate is for another host name.
            case nameMismatch = "name-mismatch"
            /// The handshake failed for another reason (no protocol or cipher in common, the
            /// server does not speak TLS, or it closed the connection).
            case handshake
        }

        /// The request that failed.
        public var request: RequestLine
        /// The host the request went to.
        public var host: String
        /// The category.
        public var kind: Kind
        /// The platform's own wording, sanitized.
        public var detail: String
        /// How many attempts were made in all.
        public var attempts: Int

        /// Creates a failure description.
        public init(request: RequestLine, host: String, kind: Kind, detail: String, attempts: Int = 1) {
            self.request = request
            self.host = host
            self.kind = kind
            self.detail = detail
            self.attempts = attempts
        }

        /// Whether trying again may help: not for a certificate, a proxy's refusal, a redirect
        /// loop or a server that does not speak HTTP, which stay as they are until someone acts.
        public var isRetryable: Bool {
            switch kind {
            case .tls, .proxy, .redirectLoop, .notHTTP: false
            case .hostNotFound, .connectionRefused, .timeout, .connectionLost, .offline, .other: true
            }
        }
    }

    /// A response that did not decode.
    public struct DecodingFailure: Sendable, Equatable {
        /// The request whose answer failed to decode.
        public var request: RequestLine
        /// Where in the JSON, e.g. `stations[3].connectors[0].connectorId`; empty for the root.
        public var fieldPath: String
        /// What was wrong there.
        public var detail: String

        /// Creates a failure description.
        public init(request: RequestLine, fieldPath: String, detail: String) {
            self.request = request
            self.fieldPath = fieldPath
            self.detail = detail
        }
    }

    /// A cursor walk that stopped before the server's last page.
    public struct PaginationFailure: Sendable, Equatable {
        /// Why it stopped.
        public enum Reason: Sendable, Equatable {
            /// The page offered a cursor already sent, for the page numbered here.
            case repeatedCursor(firstSentForPage: Int)
            /// The page added no new item, yet offered another page.
            case noNewItems
            /// The walk reached this many pages.
            case tooManyPages(Int)
        }

        /// The paged request.
        public var request: RequestLine
        /// The cursor the last page offered, as compact JSON (sanitized, shortened).
        public var cursor: String
        /// The number of the page whose answer ended the walk.
        public var page: Int
        /// Items received before it ended (duplicates not counted).
        public var itemsSoFar: Int
        /// Why.
        public var reason: Reason

        /// Creates a failure description.
        public init(request: RequestLine, cursor: String, page: Int, itemsSoFar: Int, reason: Reason) {
            self.request = request
            self.cursor = cursor
            self.page = page
            self.itemsSoFar = itemsSoFar
            self.reason = reason
        }
    }
}

extension ChargEyeError {
    /// Why the fleet was not read location by location.
    public struct FleetLimitFailure: Sendable, Equatable {
        /// The unfiltered call's refusal.
        public var refusal: HTTPFailure
        /// How many locations the fleet has.
        public var locations: Int
        /// The limit (--fleet-limit).
        public var limit: Int

        /// Creates a failure description.
        public init(refusal: HTTPFailure, locations: Int, limit: Int) {
            self.refusal = refusal
            self.locations = locations
            self.limit = limit
        }
    }
}

extension ChargEyeError {
    /// Whether trying the same call again may succeed without anything else changing.
    public var isRetryable: Bool {
        switch self {
        case .http(let failure): RetryPolicy.retryableStatuses.contains(failure.status)
        case .transport(let failure): failure.isRetryable
        case .permissionDenied, .refreshTokenRejected, .missingRefreshToken, .responseTooLarge,
            .decoding, .invalidConfiguration, .pagination, .fleetTooLarge:
            false
        }
    }

    /// How many attempts were made, when the error concerns one call.
    public var attempts: Int? {
        switch self {
        case .http(let failure), .permissionDenied(let failure), .refreshTokenRejected(let failure):
            failure.attempts
        case .transport(let failure): failure.attempts
        case .responseTooLarge, .decoding: 1
        case .missingRefreshToken, .invalidConfiguration, .pagination, .fleetTooLarge: nil
        }
    }

    /// The request concerned, when there is one.
    public var request: RequestLine? {
        switch self {
        case .http(let failure), .permissionDenied(let failure), .refreshTokenRejected(let failure):
            failure.request
        case .transport(let failure): failure.request
        case .responseTooLarge(let request, _): request
        case .decoding(let failure): failure.request
        case .pagination(let failure): failure.request
        case .fleetTooLarge(let failure): failure.refusal.request
        case .missingRefreshToken, .invalidConfiguration: nil
        }
    }

    /// The HTTP status, when the server answered.
    public var status: Int? {
        switch self {
        case .http(let failure), .permissionDenied(let failure), .refreshTokenRejected(let failure):
            failure.status
        default: nil
        }
    }

    /// The same error, recording the number of attempts made.
    func withAttempts(_ attempts: Int) -> ChargEyeError {
        switch self {
        case .http(var failure):
            failure.attempts = attempts
            return .http(failure)
        case .permissionDenied(var failure):
            failure.attempts = attempts
            return .permissionDenied(failure)
        case .refreshTokenRejected(var failure):
            failure.attempts = attempts
            return .refreshTokenRejected(failure)
        case .transport(var failure):
            failure.attempts = attempts
            return .transport(failure)
        default:
            return self
        }
    }

    /// Finds the `ChargEyeError` inside whatever the OpenAPI runtime wrapped it in.
    ///
    /// The runtime wraps every error thrown below a middleware in a `ClientError`; this
    /// unwraps it, and turns decoding errors into `.decoding` with the field path.
    public static func from(_ error: any Error, request: RequestLine? = nil) -> (any Error) {
        var current: any Error = error
        for _ in 0..<8 {
            if let chargEyeError = current as? ChargEyeError { return chargEyeError }
            if current is CancellationError { return current }
            if let decoding = current as? DecodingError, let request {
                return ChargEyeError.decoding(DecodingFailure(decoding, request: request))
            }
            guard let next = (current as? ClientError)?.underlyingError else { break }
            current = next
        }
        return current
    }
}
