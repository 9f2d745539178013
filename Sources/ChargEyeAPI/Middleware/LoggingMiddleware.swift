public import Foundation
public import HTTPTypes
public import Logging
public import OpenAPIRuntime

/// Logs every physical request: method, path, status (or failure), duration, attempt, and
/// whether it was a replay after a token refresh. Headers are never logged, so neither the
/// JWT nor the refresh token can reach the log.
public struct LoggingMiddleware: ClientMiddleware {
    /// Where lines go.
    public var logger: Logger

    /// Creates the middleware.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Sends the request and logs its outcome.
    public func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let started = ContinuousClock.now
        let line = "\(request.method.rawValue) \(TextSanitizer.singleLine(request.path ?? "/", limit: 300))"
        var metadata: Logger.Metadata = [
            "attempt": "\(RequestAttempt.number)",
            "operation": "\(operationID)",
        ]
        if RequestAttempt.isReplay { metadata["replay"] = "after-token-refresh" }
        do {
            let (response, responseBody) = try await next(request, body, baseURL)
            metadata["duration_ms"] = "\(Self.milliseconds(since: started))"
            if case .known(let length) = responseBody?.length { metadata["bytes"] = "\(length)" }
            logger.info("\(line) -> \(response.status.code)", metadata: metadata)
            return (response, responseBody)
        } catch {
            metadata["duration_ms"] = "\(Self.milliseconds(since: started))"
            let outcome = (ChargEyeError.from(error) as? ChargEyeError)?.shortReason ?? "\(type(of: error))"
            logger.warning("\(line) -> \(outcome)", metadata: metadata)
            throw error
        }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
