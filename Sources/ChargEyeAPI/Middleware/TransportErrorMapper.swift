import AsyncHTTPClient
import ChargEyeText
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Turns the HTTP stack's errors (async-http-client, SwiftNIO, its TLS) into
/// `ChargEyeError.transport` with a plain category.
enum TransportErrorMapper {
    /// Maps `error`; errors that are already `ChargEyeError` or cancellation pass through.
    static func map(_ error: any Error, request: ChargEyeError.RequestLine, host: String) -> any Error {
        let unwrapped = ChargEyeError.from(error)
        if unwrapped is ChargEyeError || unwrapped is CancellationError { return unwrapped }
        if Task.isCancelled { return CancellationError() }
        let kind = category(of: unwrapped)
        let detail = TextSanitizer.singleLine(describe(unwrapped), limit: 200)
        return ChargEyeError.transport(.init(request: request, host: host, kind: kind, detail: detail))
    }

    /// What a TLS failure needs: the chain looked at (`CertificateProbe`), or nothing more.
    enum TLSFailure: Equatable {
        /// The chain did not verify; the library does not say why.
        case verification
        /// Another known cause.
        case known(ChargEyeError.TransportFailure.TLSProblem)
    }

    /// Whether `error` is a failed TLS handshake, and of which sort.
    static func tlsFailure(_ error: any Error) -> TLSFailure? {
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname || extra == .serverHostnameImpossibleToMatch {
            return .known(.nameMismatch)
        }
        guard let ssl = error as? NIOSSLError else { return nil }
        switch ssl {
        case .handshakeFailed(let reason):
            return String(describing: reason).contains("CERTIFICATE_VERIFY_FAILED") ? .verification : .known(.handshake)
        case .unableToValidateCertificate, .noCertificateToValidate:
            return .verification
        default:
            return nil
        }
    }

    private static func category(of error: any Error) -> ChargEyeError.TransportFailure.Kind {
        if case .known(let problem) = tlsFailure(error) { return .tls(problem) }
        if tlsFailure(error) == .verification { return .tls(.unknownAuthority) }
        switch error {
        case let client as HTTPClientError: return category(of: client)
        case let connection as NIOConnectionError:
            return connection.connectionErrors.isEmpty && (connection.dnsAError != nil || connection.dnsAAAAError != nil)
                ? .hostNotFound : .connectionRefused
        case is SocketAddressError.UnknownHost: return .hostNotFound
        case let io as IOError: return category(ofErrno: io.errnoCode)
        case let channel as ChannelError: return category(of: channel)
        case is HTTPParserError: return .notHTTP
        case let ssl as NIOSSLError where ssl == .uncleanShutdown: return .connectionLost
        default: return .other
        }
    }

    private static func category(of error: HTTPClientError) -> ChargEyeError.TransportFailure.Kind {
        switch error {
        case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout:
            .timeout(0)
        case .remoteConnectionClosed: .connectionLost
        case .proxyAuthenticationRequired, .invalidProxyResponse, .httpProxyHandshakeTimeout, .socksHandshakeTimeout: .proxy
        default: .other
        }
    }

    private static func category(of error: ChannelError) -> ChargEyeError.TransportFailure.Kind {
        switch error {
        case .connectTimeout: .timeout(0)
        case .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed, .eof: .connectionLost
        case .writeHostUnreachable: .connectionRefused
        default: .other
        }
    }

    private static func category(ofErrno code: Int32) -> ChargEyeError.TransportFailure.Kind {
        switch code {
        case ECONNREFUSED, EHOSTUNREACH, EHOSTDOWN, EADDRNOTAVAIL: .connectionRefused
        case ENETUNREACH, ENETDOWN: .offline
        case ECONNRESET, EPIPE, ECONNABORTED: .connectionLost
        case ETIMEDOUT: .timeout(0)
        default: .other
        }
    }

    /// Plain words for a failure; never a type's printed form, which is for developers.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let client as HTTPClientError: return describe(client)
        case let connection as NIOConnectionError:
            if let refused = connection.connectionErrors.first {
                return "\(connection.host):\(connection.port): \(describe(refused.error))"
            }
            return "\(connection.host) did not resolve"
        case is SocketAddressError.UnknownHost: return "the host name did not resolve"
        case let io as IOError: return String(cString: strerror(io.errnoCode))
        case let channel as ChannelError:
            if case .connectTimeout(let amount) = channel { return "no connection within \(amount.nanoseconds / 1_000_000_000) s" }
            return "the connection closed"
        case let parser as HTTPParserError: return "not an HTTP answer (\(parser))"
        case is NIOSSLError, is NIOSSLExtraError: return tlsWords(error)
        default:
            if let described = (error as? any LocalizedError)?.errorDescription { return described }
            return "an unexpected error in the HTTP stack (run with --log-file and report it)"
        }
    }

    private static func describe(_ error: HTTPClientError) -> String {
        switch error {
        case .connectTimeout: "no connection within the time limit"
        case .readTimeout, .deadlineExceeded, .getConnectionFromPoolTimeout: "no answer within the time limit"
        case .remoteConnectionClosed: "the server closed the connection"
        case .proxyAuthenticationRequired: "the proxy asks for credentials (407) that were missing or wrong"
        case .invalidProxyResponse: "the proxy refused the tunnel or did not answer as a proxy"
        case .httpProxyHandshakeTimeout, .socksHandshakeTimeout: "the proxy did not open the tunnel in time"
        case .tlsHandshakeTimeout: "the TLS handshake did not finish in time"
        default: "the HTTP library stopped the request"
        }
    }

    /// "TLS: wrong version number", from the reasons in a TLS error's text; a type's printed
    /// form never reaches the user.
    private static func tlsWords(_ error: any Error) -> String {
        let text = String(describing: error)
        let reasons = text.matches(of: /OPENSSL_internal:([A-Z0-9_]+)/).map { $0.1.lowercased().replacingOccurrences(of: "_", with: " ") }
        if !reasons.isEmpty { return "TLS: " + reasons.joined(separator: ", ") }
        if let ssl = error as? NIOSSLError, ssl == .uncleanShutdown { return "TLS: the server closed the connection without ending TLS" }
        return "TLS: the secure connection failed"
    }
}
