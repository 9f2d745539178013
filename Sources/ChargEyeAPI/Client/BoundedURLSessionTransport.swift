import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import OpenAPIRuntime

/// The client's transport: URLSession, but with each response body streamed through a delegate,
/// so the size limit holds while bytes arrive and a reader can start on the first ones. (The stock transport on Linux buffers the whole
/// body first, so a 50 MB answer or a gzip bomb inflating to 1 GiB would be held in memory
/// before any limit could apply; for the same reason bodies are asked for uncompressed and a
/// compressed one is refused.) Redirects stay on the same origin.
final class BoundedURLSessionTransport: ClientTransport {
    /// Made with the first request: setting up URLSession (libcurl, its TLS library's
    /// configuration) is the largest part of start-up that needs no network, and the browser
    /// can draw its first screen without it.
    private let session = Locked<URLSession?>(nil)
    private let delegate = StreamingSessionDelegate()
    private let timeout: TimeInterval
    private let maxResponseBytes: Int

    init(timeout: TimeInterval, maxResponseBytes: Int) {
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    deinit { session.withLock { $0?.invalidateAndCancel() } }

    private func urlSession() -> URLSession {
        session.withLock { session in
            if let session { return session }
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = timeout + 5
            configuration.timeoutIntervalForResource = timeout + 5
            configuration.httpCookieStorage = nil
            configuration.urlCache = nil
            configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
            let made = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
            session = made
            return made
        }
    }

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let line = ChargEyeError.RequestLine(method: request.method.rawValue, path: request.path ?? "/")
        let task = urlSession().dataTask(with: try await Self.urlRequest(request, body: body, baseURL: baseURL))
        // The body is made here, on the caller's side, and filled by the delegate as bytes arrive;
        // once nobody reads it, the transfer stops.
        let spool = BodySpool { task.cancel() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (head: CheckedContinuation<Void, any Error>) in
                delegate.start(task, request: line, limit: maxResponseBytes, head: head, body: spool)
            }
        } onCancel: {
            task.cancel()
        }
        guard let (response, length) = delegate.takeHead(of: task) else { throw URLError(.badServerResponse) }
        return (response, HTTPBody(SpooledBody(spool), length: length, iterationBehavior: .single))
    }

    private static func urlRequest(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL) async throws -> URLRequest {
        let base = baseURL.absoluteString.hasSuffix("/") ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
        guard let url = URL(string: base + (request.path ?? "")) else {
            throw ChargEyeError.invalidConfiguration("cannot form a URL from \(base) and \(request.path ?? "")")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        for field in request.headerFields {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name.canonicalName)
        }
        urlRequest.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
        if let body {
            urlRequest.httpBody = try await Data(collecting: body, upTo: 16 * 1024 * 1024)
        }
        return urlRequest
    }
}
