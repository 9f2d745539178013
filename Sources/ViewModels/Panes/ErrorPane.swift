import ChargEyeText
import ChargEyeAPI
import Foundation

/// The error pane: what failed, what the server said, when, how often it was tried, whether
/// retrying can help, and the keys.
public struct ErrorPane: Equatable, Sendable {
    public var title: String
    public var lines: [Span]
    public var keys: String
}

extension AppState {
    /// The error pane, while it shows (a call the user waited for failed, until dismissed).
    public var errorPane: ErrorPane? {
        shownFailure.map(errorPane(for:))
    }

    /// The error pane's account of a failure (also the hand-off's "current error").
    func errorPane(for failure: LoadFailure) -> ErrorPane {
        let error = failure.error
        var lines: [Span] = []
        if let status = error.status {
            lines.append(Span("\(ChargEyeError.statusText(status)) — \(Self.meaning(of: status))", .critical))
        } else {
            lines.append(Span(error.shortReason, .critical))
        }
        switch error {
        case .http(let http), .permissionDenied(let http), .refreshTokenRejected(let http):
            if let message = http.serverMessage {
                lines.append(Span("server says: \(message)"))
            } else if let excerpt = http.bodyExcerpt {
                lines.append(Span("body: \(excerpt)", .dim))
            }
        default:
            lines.append(Span(error.summary))
        }
        let request = error.request.map(\.description) ?? failure.request.line
        lines.append(Span("request: \(TextSanitizer.singleLine(request, limit: 200))", .dim))
        lines.append(Span("when: \(Format.clock(failure.at, zone: timeZone, seconds: true)) (\(Format.age(of: failure.at, now: now)))", .dim))
        lines.append(Span("attempts: \(error.attempts ?? 1)", .dim))
        lines.append(Span(error.isRetryable ? "retryable: yes, it may work if you try again" : "retryable: no, retrying will not help as is", error.isRetryable ? .ok : .warning))
        if let advice = error.advice { lines.append(Span(advice)) }
        if failure.partial {
            lines.append(Span("the list shows the part that arrived before the failure (INCOMPLETE)", .dim))
        } else if case .page = failure.reason {
            lines.append(Span("the pages before this one stay on screen", .dim))
        } else if current.data != nil {
            lines.append(Span("the data behind this is from before the failure (STALE)", .dim))
        }
        let keys = [Action.retry, .back, .copyID].map { "\(keyName($0)) \(KeyContext.error.hint(of: $0))" }
        return ErrorPane(
            title: failure.reason == .live ? "Live refresh failed" : "Request failed",
            lines: lines.map { Span(TextSanitizer.singleLine($0.text, limit: 400), $0.role) },
            keys: keys.joined(separator: "   ")
        )
    }

    private static func meaning(of status: Int) -> String {
        switch status {
        case 400: "the request was malformed"
        case 401: "not authenticated or not permitted"
        case 403: "not allowed for this account"
        case 404: "no such item"
        case 429: "rate limited"
        case 500: "the server failed"
        case 502, 504: "a gateway or proxy could not reach the service"
        case 503: "the service is unavailable"
        case 100..<200: "an interim answer, never a final one"
        case 200..<300: "not the answer chargeye asked for"
        case 304: "an answer to a question chargeye never asks"
        case 300..<400: "a redirect chargeye did not follow"
        case 400..<500: "request rejected"
        default: "server error"
        }
    }
}
