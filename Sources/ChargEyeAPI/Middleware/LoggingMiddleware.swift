import ChargEyeText
public import Foundation
public import HTTPTypes
public import Logging
public import OpenAPIRuntime

/// One physical request, as the request log shows it. Holds no header, so no credential.
public struct RequestRecord: Sendable, Equatable {
    /// When the request was sent.
    public var at: Date
    public var method: String
    /// Path and query relative to the base URL.
    public var path: String
    /// The full URL (for copying as a curl command).
    public var url: String
    /// The HTTP status, when the server answered.
    public var status: Int?
    /// "HTTP 200", or the failure in a few words.
    public var outcome: String
    /// Milliseconds from sending to the whole answer.
    public var milliseconds: Int
    /// 1 for the first attempt, 2 for the first retry...
    public var attempt: Int
    /// True for the replay after a token renewal.
    public var isReplay: Bool
    /// Response body size, when known.
    public var bytes: Int?
    /// True for the token exchange (its bearer is the refresh token, not the JWT).
    public var isTokenExchange: Bool

    /// Creates a record.
    public init(
        at: Date, method: String, path: String, url: String, status: Int?, outcome: String, milliseconds: Int,
        attempt: Int, isReplay: Bool, bytes: Int?, isTokenExchange: Bool
    ) {
        self.at = at
        self.method = method
        self.path = path
        self.url = url
        self.status = status
        self.outcome = outcome
        self.milliseconds = milliseconds
        self.attempt = attempt
        self.isReplay = isReplay
        self.bytes = bytes
        self.isTokenExchange = isTokenExchange
    }

    /// The outcome of a call stopped on purpose (Esc, leaving its view).
    public static let cancelled = "cancelled"

    /// The request as a curl command, the credential replaced by an environment variable.
    public var curlCommand: String {
        let variable = isTokenExchange ? "$CHARGEYE_REFRESH_TOKEN" : "$CHARGEYE_JWT"
        let quotedURL = "'" + url.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return "curl -sS -X \(method) -H \"Authorization: Bearer \(variable)\" \(quotedURL)"
    }
}

/// Logs every physical request: method, path, status (or failure), duration, attempt, and
/// whether it was a replay after a token refresh, and reports it to an observer (the
/// browser's request log). Headers are never logged, so neither the JWT nor the refresh
/// token can reach the log.
public struct LoggingMiddleware: ClientMiddleware {
    /// Where lines go.
    public var logger: Logger
    /// Told about every request once it completes or fails.
    public var observer: (@Sendable (RequestRecord) -> Void)?

    /// Creates the middleware.
    public init(logger: Logger, observer: (@Sendable (RequestRecord) -> Void)? = nil) {
        self.logger = logger
        self.observer = observer
    }

    /// Sends the request and logs its outcome.
    public func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let startedAt = Date()
        let started = ContinuousClock.now
        let path = TextSanitizer.singleLine(request.path ?? "/", limit: 300)
        let line = "\(request.method.rawValue) \(path)"
        var metadata: Logger.Metadata = [
            "attempt": "\(RequestAttempt.number)",
            "operation": "\(operationID)",
        ]
        if RequestAttempt.isReplay { metadata["replay"] = "after-token-refresh" }
        var record = RequestRecord(
            at: startedAt, method: request.method.rawValue, path: path,
            url: baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path,
            status: nil, outcome: "", milliseconds: 0, attempt: RequestAttempt.number, isReplay: RequestAttempt.isReplay,
            bytes: nil, isTokenExchange: operationID == "refreshAccessToken"
        )
        do {
            let (response, responseBody) = try await next(request, body, baseURL)
            record.milliseconds = Self.milliseconds(since: started)
            record.status = response.status.code
            record.outcome = "HTTP \(response.status.code)"
            metadata["duration_ms"] = "\(record.milliseconds)"
            if case .known(let length) = responseBody?.length {
                metadata["bytes"] = "\(length)"
                record.bytes = Int(length)
            }
            logger.info("\(line) -> \(response.status.code)", metadata: metadata)
            observer?(record)
            return (response, responseBody)
        } catch {
            record.milliseconds = Self.milliseconds(since: started)
            let unwrapped = ChargEyeError.from(error)
            let failure = unwrapped as? ChargEyeError
            let cancelled = unwrapped is CancellationError || Task.isCancelled
            record.status = cancelled ? nil : failure?.status
            record.outcome = cancelled ? RequestRecord.cancelled : failure?.shortReason ?? "failed"
            metadata["duration_ms"] = "\(record.milliseconds)"
            if cancelled {
                // Stopped on purpose (Esc, leaving the view): not a failure of the server's.
                logger.info("\(line) -> cancelled", metadata: metadata)
            } else {
                logger.warning("\(line) -> \(record.outcome)", metadata: metadata)
            }
            observer?(record)
            throw error
        }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
