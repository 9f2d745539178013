import AsyncHTTPClient
import ChargEyeText
import Foundation
import HTTPTypes
import NIOCore
import NIOPosix
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

/// The client's transport: async-http-client (SwiftNIO, with BoringSSL inside, so no system
/// TLS library) through its OpenAPI transport, with chargeye's promises on top:
///
/// - bodies stream with backpressure: the server is read only as fast as the answer is decoded;
/// - the size limit holds while bytes arrive (`SizeLimitedBody`), and a declared length past
///   it is refused before any body is read;
/// - bodies are asked for uncompressed and a compressed one is refused, so no limit can be
///   got round by a gzip bomb (the library inflates nothing: decompression is off);
/// - redirects are followed here, not by the library, and only within the same scheme, host
///   and port, so the Authorization header (the JWT or the refresh token) never goes to another
///   server; a redirect elsewhere reaches the caller as the 3xx it is, and a loop fails;
/// - the trust roots (`TLSTrust`) and the proxy (`ProxyRoute`) are the ones configured.
///
/// The time limit for the whole answer is `ResponseGuardMiddleware`'s; the library's own
/// deadline here (a little later) covers only the wait for the response head.
final class BoundedHTTPTransport: ClientTransport {
    /// Made with the first request: the browser draws its first screen without it, and its TLS
    /// context (reading the trust store) is the largest part of setting up that needs no network.
    private let client = Locked<(library: HTTPClient, openAPI: AsyncHTTPClientTransport)?>(nil)
    private let timeout: TimeInterval
    private let maxResponseBytes: Int
    private let trust: TLSTrust
    private let proxy: ProxyRoute?

    /// Redirects followed for one request before it counts as a loop.
    static let redirectLimit = 10
    private static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    init(timeout: TimeInterval, maxResponseBytes: Int, trust: TLSTrust = TLSTrust(), proxy: ProxyRoute? = nil) {
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.trust = trust
        self.proxy = proxy
    }

    deinit {
        // The library keeps itself alive until its connections are closed.
        client.withLock { $0?.library.shutdown { _ in } }
    }

    /// The library's OpenAPI transport, made on first use.
    private func openAPITransport() throws -> AsyncHTTPClientTransport {
        try client.withLock { made in
            if let made { return made.openAPI }
            var configuration = HTTPClient.Configuration(
                tlsConfiguration: try trust.tlsConfiguration(),
                redirectConfiguration: .disallow,
                timeout: .init(connect: .milliseconds(Int64(timeout * 1000))),
                proxy: proxy?.libraryProxy,
                decompression: .disabled
            )
            configuration.connectionPool.idleTimeout = .seconds(55)
            // A refused connection or an untrusted certificate fails now, once: RetryMiddleware
            // decides what is retried, and says so, rather than the pool retrying silently until
            // the time limit.
            configuration.connectionPool.retryConnectionEstablishment = false
            let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
            let transport = AsyncHTTPClientTransport(
                configuration: .init(client: client, timeout: .milliseconds(Int64((timeout + 5) * 1000)))
            )
            made = (client, transport)
            return transport
        }
    }

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let line = ChargEyeError.RequestLine(method: request.method.rawValue, path: request.path ?? "/")
        let transport = try openAPITransport()
        var current = request
        current.headerFields[.acceptEncoding] = "identity"
        // Kept whole, so a redirect can send it again (chargeye's requests carry none today).
        var bodyBytes: Data?
        if let body { bodyBytes = try await Data(collecting: body, upTo: 16 << 20) }
        let origin = baseURL
        var currentBase = baseURL
        var visited: Set<String> = [Self.absolute(current, baseURL: baseURL)]
        while true {
            let (response, responseBody): (HTTPResponse, HTTPBody?)
            do {
                (response, responseBody) = try await transport.send(
                    current, body: bodyBytes.map { HTTPBody($0) }, baseURL: currentBase, operationID: operationID
                )
            } catch {
                throw await classified(error, request: line, target: currentBase)
            }
            let here = URL(string: Self.absolute(current, baseURL: currentBase))
            guard Self.redirectStatuses.contains(response.status.code),
                let location = response.headerFields[.location],
                let next = URL(string: location, relativeTo: here)?.absoluteURL,
                Self.isSameOrigin(origin, next)
            else {
                return try vetted(response, body: responseBody, request: line)
            }
            guard visited.insert(next.absoluteString).inserted, visited.count - 1 <= Self.redirectLimit else {
                throw ChargEyeError.transport(.init(
                    request: line, host: next.host ?? "", kind: .redirectLoop,
                    detail: "\(response.status.code) to \(TextSanitizer.singleLine(Self.withoutCredentials(next), limit: 120))"
                ))
            }
            // The redirect's own body is dropped unread, which closes its connection. A 303
            // asks for a GET: without the body, or the headers that described it.
            (current, currentBase) = Self.redirected(current, status: response.status.code, to: next)
            if response.status.code == 303 { bodyBytes = nil }
        }
    }

    /// A failed TLS handshake as the `.tls` failure it is (looking at the certificate chain
    /// when the library says only that it did not verify); anything else as it came.
    private func classified(_ error: any Error, request: ChargEyeError.RequestLine, target: URL) async -> any Error {
        if let proxy, case .transport(var failure)? = TransportErrorMapper.map(error, request: request, host: target.host ?? "") as? ChargEyeError {
            switch failure.kind {
            case .connectionRefused, .hostNotFound, .timeout:
                // Through a proxy, only the proxy is resolved and connected to: name it, or the
                // message and its advice would point at the API's server.
                failure.host = "\(proxy.host):\(proxy.port) (the proxy for \(target.host ?? ""))"
                return ChargEyeError.transport(failure)
            default:
                break
            }
        }
        guard let failure = TransportErrorMapper.tlsFailure(error), let host = target.host else { return error }
        let problem: ChargEyeError.TransportFailure.TLSProblem
        var detail = ""
        switch failure {
        case .known(let known):
            problem = known
        case .verification:
            (problem, detail) = await CertificateProbe.diagnose(
                host: host, port: target.port ?? 443, trust: trust, proxy: proxy, timeout: timeout
            )
        }
        return ChargEyeError.transport(.init(
            request: request, host: host, kind: .tls(problem), detail: TextSanitizer.singleLine(detail, limit: 200)
        ))
    }

    /// The answer as the caller gets it, or the refusal of one that breaks a promise above.
    private func vetted(
        _ response: HTTPResponse, body: HTTPBody?, request: ChargEyeError.RequestLine
    ) throws -> (HTTPResponse, HTTPBody?) {
        if let declared = response.headerFields[.contentLength].flatMap(Int.init), declared > maxResponseBytes {
            throw ChargEyeError.responseTooLarge(request, limitBytes: maxResponseBytes)
        }
        if let encoding = response.headerFields[.contentEncoding], !Self.isIdentity(encoding) {
            // A compressed failure (a proxy's gzipped 502) keeps its status; its body goes unread.
            guard (200..<300).contains(response.status.code) else { return (response, nil) }
            throw ChargEyeError.decoding(.init(
                request: request, fieldPath: "",
                detail: "the server sent a compressed (\(TextSanitizer.singleLine(encoding, limit: 20))) answer though chargeye asked for none"
            ))
        }
        guard let body else { return (response, nil) }
        let limited = SizeLimitedBody(base: body, limit: maxResponseBytes, request: request)
        return (response, HTTPBody(limited, length: body.length, iterationBehavior: .single))
    }

    /// The request to send after a redirect to `target`: a 303 asks for a GET without body.
    private static func redirected(_ request: HTTPRequest, status: Int, to target: URL) -> (HTTPRequest, URL) {
        var next = request
        if status == 303 {
            next.method = .get
            next.headerFields[.contentType] = nil
            next.headerFields[.contentLength] = nil
        }
        var components = URLComponents(url: target, resolvingAgainstBaseURL: false)
        // A path of "//x" would read as a host when the library parses it again.
        let path = "/" + (components?.percentEncodedPath ?? "").drop { $0 == "/" }
        let query = components?.percentEncodedQuery.map { "?" + $0 } ?? ""
        next.path = path + query
        components?.percentEncodedPath = ""
        components?.percentEncodedQuery = nil
        components?.fragment = nil
        return (next, components?.url ?? target)
    }

    private static func absolute(_ request: HTTPRequest, baseURL: URL) -> String {
        let base = baseURL.absoluteString.hasSuffix("/") ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
        return base + (request.path ?? "")
    }

    /// Whether a `Content-Encoding` leaves the body as it is (chargeye asks for
    /// `Accept-Encoding: identity`).
    private static func isIdentity(_ encoding: String) -> Bool {
        let value = encoding.trimmingCharacters(in: .whitespaces).lowercased()
        return value.isEmpty || value == "identity"
    }

    /// `url` without any user name or password, for messages.
    private static func withoutCredentials(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        components.user = nil
        components.password = nil
        return components.string ?? url.absoluteString
    }

    static func isSameOrigin(_ from: URL?, _ to: URL?) -> Bool {
        guard let from, let to else { return false }
        return from.scheme?.lowercased() == to.scheme?.lowercased() && from.host?.lowercased() == to.host?.lowercased()
            && (from.port ?? defaultPort(from)) == (to.port ?? defaultPort(to))
    }

    private static func defaultPort(_ url: URL) -> Int {
        url.scheme?.lowercased() == "https" ? 443 : 80
    }
}

/// A response body that fails with `responseTooLarge` the moment more than `limit` bytes
/// have arrived, before they are handed on.
struct SizeLimitedBody: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>

    let base: HTTPBody
    let limit: Int
    let request: ChargEyeError.RequestLine

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: HTTPBody.AsyncIterator
        let limit: Int
        let request: ChargEyeError.RequestLine
        var received = 0

        mutating func next() async throws -> ArraySlice<UInt8>? {
            guard let chunk = try await base.next() else { return nil }
            received += chunk.count
            guard received <= limit else { throw ChargEyeError.responseTooLarge(request, limitBytes: limit) }
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), limit: limit, request: request)
    }
}
