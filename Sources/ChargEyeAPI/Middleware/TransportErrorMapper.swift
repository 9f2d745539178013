import ChargEyeText
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Turns the platform's network errors into `ChargEyeError.transport` with a plain category.
enum TransportErrorMapper {
    /// Maps `error`; errors that are already `ChargEyeError` or cancellation pass through.
    static func map(_ error: any Error, request: ChargEyeError.RequestLine, host: String) -> any Error {
        let unwrapped = ChargEyeError.from(error)
        if unwrapped is ChargEyeError || unwrapped is CancellationError { return unwrapped }
        if Task.isCancelled { return CancellationError() }
        let kind: ChargEyeError.TransportFailure.Kind
        if let urlError = unwrapped as? URLError {
            if urlError.code == .cancelled, Task.isCancelled { return CancellationError() }
            kind = category(of: urlError.code)
        } else {
            kind = .other
        }
        let detail = TextSanitizer.singleLine(describe(unwrapped), limit: 200)
        return ChargEyeError.transport(.init(request: request, host: host, kind: kind, detail: detail))
    }

    private static func category(of code: URLError.Code) -> ChargEyeError.TransportFailure.Kind {
        switch code {
        case .cannotFindHost, .dnsLookupFailed: .hostNotFound
        case .cannotConnectToHost: .connectionRefused
        case .timedOut: .timeout(0)
        case .httpTooManyRedirects, .redirectToNonExistentLocation: .redirectLoop
        // libcurl's "unsupported protocol" for a URL already checked to be http(s): the answer's
        // status line was not HTTP/1.x ("Received HTTP/0.9 when not allowed").
        case .unsupportedURL: .notHTTP
        case .networkConnectionLost, .badServerResponse, .cannotParseResponse, .zeroByteResource: .connectionLost
        case .notConnectedToInternet, .internationalRoamingOff, .dataNotAllowed: .offline
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
            .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
            .clientCertificateRequired:
            .tls
        default: .other
        }
    }

    /// The platform's words for a failure; never a type's printed form, which is for developers.
    static func describe(_ error: any Error) -> String {
        if let urlError = error as? URLError { return urlError.localizedDescription }
        if let described = (error as? any LocalizedError)?.errorDescription { return described }
        return "an unexpected error in the HTTP stack (run with --log-file and report it)"
    }
}
