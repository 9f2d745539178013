public import Foundation

extension ChargEyeError: CustomStringConvertible, LocalizedError {
    /// One line: what failed, what the server said, what to do next.
    public var description: String {
        [summary, advice].compactMap { $0 }.joined(separator: ". ")
    }

    /// Same as `description`.
    public var errorDescription: String? { description }

    /// What failed and what the server said, without advice.
    public var summary: String {
        switch self {
        case .http(let failure):
            return "\(failure.request) failed: \(Self.statusText(failure.status))\(Self.redirectText(failure))\(Self.said(failure))\(Self.attemptsText(failure.attempts))"
        case .permissionDenied(let failure):
            return "\(failure.request) was refused even with a fresh token: \(Self.statusText(failure.status))\(Self.said(failure))"
        case .refreshTokenRejected(let failure):
            return "the refresh token was rejected: \(Self.statusText(failure.status))\(Self.said(failure))"
        case .missingRefreshToken:
            return "no refresh token configured"
        case .transport(let failure):
            return "\(failure.request) failed: \(Self.transportText(failure))\(Self.attemptsText(failure.attempts))"
        case .responseTooLarge(let request, let limit):
            return "\(request) failed: the response is larger than the \(ByteCountFormatter.string(fromByteCount: Int64(limit), countStyle: .binary)) limit"
        case .decoding(let failure):
            let place = failure.fieldPath.isEmpty ? "" : " at `\(failure.fieldPath)`"
            return "\(failure.request) returned data chargeye cannot read\(place): \(failure.detail)"
        case .invalidConfiguration(let text):
            return "invalid configuration: \(text)"
        case .pagination(let failure):
            let kept = "stopped after \(failure.page) \(failure.page == 1 ? "page" : "pages") and \(failure.itemsSoFar) \(failure.itemsSoFar == 1 ? "item" : "items")"
            return "\(failure.request) could not be paged to the end: \(Self.pagingText(failure)); \(kept)"
        case .fleetTooLarge(let failure):
            return "\(failure.refusal.request) was refused (\(Self.statusText(failure.refusal.status))\(Self.said(failure.refusal))), and reading the fleet location by location would take \(failure.locations) calls, more than the limit of \(failure.limit)"
        }
    }

    /// What the user can do about it, when there is something.
    public var advice: String? {
        switch self {
        case .http(let failure):
            if failure.retryAfterExceedsDeadline, let wait = failure.retryAfter {
                return "The server asks to wait \(Self.duration(wait)) before retrying; try again then"
            }
            switch failure.status {
            case 100..<200: return "An informational status is never a final answer; the server, or a proxy in between, is misbehaving"
            case 200..<300: return "chargeye expects 200 OK with JSON here; check --base-url, or report it to the server's operator"
            case 304: return "Not Modified answers a conditional request, which chargeye never asks for; a cache or proxy in between is misbehaving"
            case 300..<400 where failure.location == nil:
                return "A redirect must say where to; the server, or a proxy in between, is misbehaving; check --base-url"
            case 300..<400: return "The server redirected the request elsewhere, which chargeye does not follow with credentials; check --base-url"
            case 400: return "Check the ids and options given"
            case 401: return "Check the refresh token and its permissions"
            case 403: return "This account may not see it (some APIs need an extra licence, e.g. ChargEye for Depots)"
            case 404: return "Check the id; it may have been removed"
            case 429: return "Rate limited; wait a moment and retry"
            case 400..<500: return "The server refused the request as sent; check --base-url and the ids and options given"
            case 500...599: return "The service has a problem; retry later"
            default: return "That is not an HTTP status; check --base-url"
            }
        case .permissionDenied:
            return "The account behind the refresh token lacks permission for this; ask your ChargEye organisation admin"
        case .refreshTokenRejected:
            return "Create a new refresh token in ChargEye's account administration (or ask Kempower support) and set CHARGEYE_REFRESH_TOKEN or --refresh-token-file"
        case .missingRefreshToken:
            return "Set CHARGEYE_REFRESH_TOKEN, pass --refresh-token-file PATH, choose a --profile, or try --demo"
        case .transport(let failure):
            switch failure.kind {
            case .hostNotFound: return "Check --base-url and DNS (or HTTPS_PROXY on hosts that need a proxy)"
            case .connectionRefused: return "Check --base-url, the network path and any proxy"
            case .tls(let problem): return Self.tlsAdvice(problem)
            case .proxy: return "Check the proxy URL and its credentials in HTTPS_PROXY or HTTP_PROXY, or list the host in NO_PROXY to reach it directly"
            case .timeout: return "Check the network, or raise --timeout"
            case .connectionLost, .offline, .other: return "Check the network and retry"
            case .redirectLoop: return "The server, or a proxy in between, is misconfigured; check --base-url"
            case .notHTTP: return "Check that --base-url points at the ChargEye API (an interim 1xx status sent as the final answer, or a service that does not speak HTTP, looks like this)"
            }
        case .responseTooLarge:
            return "Narrow the request (e.g. a date range) or raise the limit with --max-response-mb"
        case .decoding:
            return "The server's data does not match what chargeye expects; run with --log-file and report it"
        case .invalidConfiguration:
            return nil
        case .pagination(let failure):
            if case .tooManyPages = failure.reason { return "Narrow the period (--from/--to) or raise --max-pages" }
            return "The server's paging is faulty, so what came may be incomplete; narrow the period (--from/--to), or report it to the server's operator"
        case .fleetTooLarge:
            return "Look at one location (--location), or raise the limit with --fleet-limit (or fleet_limit in the config) if the server can take that many calls"
        }
    }

    /// "the server repeated a cursor ({"k":"A"}, first sent for page 2)".
    private static func pagingText(_ failure: PaginationFailure) -> String {
        switch failure.reason {
        case .repeatedCursor(let page): "the server repeated a cursor (\(failure.cursor), already sent for page \(page))"
        case .noNewItems: "page \(failure.page) added nothing new yet offered more (cursor \(failure.cursor))"
        case .tooManyPages(let limit): "the page limit (\(limit), --max-pages) was reached"
        }
    }

    /// A few words for status bars and logs: "HTTP 503", "connection refused".
    public var shortReason: String {
        switch self {
        case .http(let failure), .permissionDenied(let failure), .refreshTokenRejected(let failure):
            "HTTP \(failure.status)"
        case .missingRefreshToken: "no refresh token"
        case .transport(let failure): Self.transportText(failure)
        case .responseTooLarge: "response too large"
        case .decoding: "unreadable response"
        case .invalidConfiguration: "invalid configuration"
        case .pagination(let failure):
            switch failure.reason {
            case .repeatedCursor: "the server repeated a cursor"
            case .noNewItems: "a page added nothing new"
            case .tooManyPages(let limit): "page limit (\(limit)) reached"
            }
        case .fleetTooLarge(let failure): "fleet over the \(failure.limit)-location limit"
        }
    }

    /// "HTTP 503 Service Unavailable"; "HTTP 599 (unassigned, a server error)".
    public static func statusText(_ status: Int) -> String {
        let reason = HTTPStatusText.reason(status)
        return reason.isEmpty ? "HTTP \(status) (unassigned, \(HTTPStatusText.classWords(status)))" : "HTTP \(status) \(reason)"
    }

    /// Where a redirect that was not followed pointed, or that it pointed nowhere.
    private static func redirectText(_ failure: HTTPFailure) -> String {
        guard (300..<400).contains(failure.status), failure.status != 304 else { return "" }
        guard let location = failure.location else { return " without a Location header" }
        return " to \(location)"
    }

    private static func said(_ failure: HTTPFailure) -> String {
        if let message = failure.serverMessage, !message.isEmpty { return ": \"\(message)\"" }
        if let excerpt = failure.bodyExcerpt, !excerpt.isEmpty { return " (body: \(excerpt))" }
        return ""
    }

    private static func attemptsText(_ attempts: Int) -> String {
        attempts > 1 ? " (after \(attempts) attempts)" : ""
    }

    private static func transportText(_ failure: TransportFailure) -> String {
        switch failure.kind {
        case .hostNotFound: "cannot resolve host \(failure.host)"
        case .connectionRefused: "cannot connect to \(failure.host) (connection refused or unreachable)"
        case .tls(let problem): tlsText(problem, host: failure.host) + (failure.detail.isEmpty ? "" : " (\(failure.detail))")
        case .proxy: "the proxy would not open a connection to \(failure.host) (\(failure.detail))"
        case .timeout(let seconds) where seconds > 0: "no answer from \(failure.host) within \(duration(seconds))"
        case .timeout: "no answer from \(failure.host) in time"
        case .connectionLost: "the connection to \(failure.host) dropped"
        case .offline: "this machine is offline"
        case .redirectLoop: "redirect loop: \(failure.host) kept redirecting the request"
        case .notHTTP: "the answer from \(failure.host) was not valid HTTP (\(failure.detail))"
        case .other: "network error talking to \(failure.host): \(failure.detail)"
        }
    }

    private static func tlsText(_ problem: TransportFailure.TLSProblem, host: String) -> String {
        switch problem {
        case .selfSigned: "the certificate of \(host) is self-signed and not trusted"
        case .unknownAuthority: "the certificate of \(host) is from an authority not trusted here"
        case .expired: "the certificate of \(host) has expired"
        case .notYetValid: "the certificate of \(host) is not valid yet"
        case .nameMismatch: "the certificate of \(host) is for another name"
        case .handshake: "the secure connection (TLS handshake) to \(host) failed"
        }
    }

    private static func tlsAdvice(_ problem: TransportFailure.TLSProblem) -> String {
        let trustIt = "--ca-file PATH (or CHARGEYE_CA_FILE, or ca_file in the profile); verification cannot be turned off"
        return switch problem {
        case .selfSigned: "If the server is yours, trust its certificate (PEM) with \(trustIt)"
        case .unknownAuthority: "A private CA, or a proxy that inspects TLS, signed it; trust that CA's certificate (PEM, from your IT) with \(trustIt)"
        case .expired: "The server's operator must renew the certificate; check this machine's clock too (date)"
        case .notYetValid: "Check this machine's clock (date); otherwise the server's operator installed a certificate too early"
        case .nameMismatch: "Use the host name the certificate was issued for in --base-url"
        case .handshake: "Check the scheme and port in --base-url (a plain-HTTP service on an https:// URL looks like this) and that the server offers TLS 1.2 or later"
        }
    }

    /// Words for a failure that is not a `ChargEyeError`: the platform's own description, never
    /// a type's printed form.
    public static func plainWords(for error: any Error) -> String {
        let unwrapped = from(error)
        if let known = unwrapped as? ChargEyeError { return known.description }
        return TransportErrorMapper.describe(unwrapped)
    }

    /// "0.5 s", "45 s", "5 min", "1 h 0 min".
    public static func duration(_ seconds: TimeInterval) -> String {
        if seconds < 10, seconds.rounded() != seconds { return String(format: "%.1f s", seconds) }
        let total = Int(seconds.rounded())
        if total < 120 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min" }
        return "\(total / 3600) h \(total % 3600 / 60) min"
    }
}
