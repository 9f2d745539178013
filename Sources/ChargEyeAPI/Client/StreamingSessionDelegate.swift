import ChargEyeText
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import OpenAPIRuntime

/// The URLSession delegate behind `BoundedURLSessionTransport`: it hands each task's response
/// over as soon as its head arrives, streams the body on as its bytes arrive, and cancels the
/// task the moment the body passes the size limit; it follows
/// redirects only within the same scheme, host and port, so the Authorization header (the JWT or
/// the refresh token) is never sent to another server; a redirect elsewhere reaches the caller
/// as the 3xx it is.
final class StreamingSessionDelegate: NSObject, URLSessionDataDelegate, Sendable {
    /// One task in flight: first waiting for its response head, then streaming its body.
    private struct PendingEntry {
        var head: CheckedContinuation<Void, any Error>?
        var body: BodySpool
        var request: ChargEyeError.RequestLine
        var limit: Int
        var received = 0
        var failure: ChargEyeError?
        /// The URLs this request was sent to, redirects included (a repeat is a loop).
        var visited: Set<String> = []
    }

    /// Redirects followed for one request before it counts as a loop.
    static let redirectLimit = 10

    private let pending = Locked<[Int: PendingEntry]>([:])
    /// Response heads made on the delegate's thread, waiting for their caller: handed over
    /// through the lock, so the caller's thread sees them whole (ThreadSanitizer included).
    private let heads = Locked<[Int: (HTTPResponse, HTTPBody.Length)]>([:])

    /// Starts `task`; `head` resumes once the response head is there (`takeHead`) or with the
    /// failure, and the body's bytes go to `body` as they arrive.
    func start(
        _ task: URLSessionDataTask, request: ChargEyeError.RequestLine, limit: Int,
        head: CheckedContinuation<Void, any Error>, body: BodySpool
    ) {
        pending.withLock {
            $0[task.taskIdentifier] = PendingEntry(head: head, body: body, request: request, limit: limit)
        }
        task.resume()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        let (head, refused) = pending.withLock { table -> (CheckedContinuation<Void, any Error>?, Bool) in
            guard var entry = table[dataTask.taskIdentifier] else { return (nil, false) }
            if response.expectedContentLength > Int64(entry.limit) {
                entry.failure = .responseTooLarge(entry.request, limitBytes: entry.limit)
            } else if let encoding = http?.value(forHTTPHeaderField: "Content-Encoding"), !Self.isIdentity(encoding) {
                entry.failure = .decoding(.init(
                    request: entry.request, fieldPath: "",
                    detail: "the server sent a compressed (\(TextSanitizer.singleLine(encoding, limit: 20))) answer though chargeye asked for none"
                ))
            }
            // A refused answer fails when the cancelled task completes; an accepted one is handed over now.
            let head = entry.failure == nil ? entry.head : nil
            if head != nil { entry.head = nil }
            table[dataTask.taskIdentifier] = entry
            return (head, entry.failure != nil)
        }
        if let head {
            heads.withLock {
                let length: HTTPBody.Length = response.expectedContentLength >= 0 ? .known(response.expectedContentLength) : .unknown
                $0[dataTask.taskIdentifier] = (http.map(Self.httpResponse) ?? HTTPResponse(status: .ok), length)
            }
            head.resume()
        }
        completionHandler(refused ? .cancel : .allow)
    }

    /// The response head of `task`, once `start`'s `head` has resumed.
    func takeHead(of task: URLSessionTask) -> (HTTPResponse, HTTPBody.Length)? {
        heads.withLock { $0.removeValue(forKey: task.taskIdentifier) }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let (body, failure) = pending.withLock { table -> (BodySpool?, ChargEyeError?) in
            guard var entry = table[id], entry.failure == nil else { return (nil, nil) }
            entry.received += data.count
            if entry.received > entry.limit { entry.failure = .responseTooLarge(entry.request, limitBytes: entry.limit) }
            table[id] = entry
            return (entry.body, entry.failure)
        }
        if let failure {
            body?.finish(throwing: failure)
            dataTask.cancel()
        } else {
            body?.yield(data)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let entry = pending.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let head = entry.head, error == nil, entry.failure == nil, let response = task.response as? HTTPURLResponse {
            // A redirect the platform could not follow (no Location) ends without a response
            // head of its own: it is the answer, with its status.
            heads.withLock { $0[task.taskIdentifier] = (Self.httpResponse(response), .known(0)) }
            head.resume()
            entry.body.finish()
        } else if let head = entry.head {
            head.resume(throwing: entry.failure ?? error ?? URLError(.badServerResponse))
            entry.body.finish()
        } else if let error, entry.failure == nil {
            entry.body.finish(throwing: error)
        } else {
            entry.body.finish()
        }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        guard Self.isSameOrigin(task.originalRequest?.url, request.url) else {
            completionHandler(nil)
            return
        }
        let target = request.url?.absoluteString ?? ""
        let looped = pending.withLock { table -> Bool in
            guard var entry = table[task.taskIdentifier] else { return false }
            if entry.visited.isEmpty, let first = task.originalRequest?.url?.absoluteString { entry.visited.insert(first) }
            // `visited` holds the first URL too: redirects followed = count - 1.
            let looped = !entry.visited.insert(target).inserted || entry.visited.count - 1 > Self.redirectLimit
            if looped {
                entry.failure = .transport(.init(
                    request: entry.request, host: request.url?.host ?? "", kind: .redirectLoop,
                    detail: "\(response.statusCode) to \(TextSanitizer.singleLine(target, limit: 120))"
                ))
            }
            table[task.taskIdentifier] = entry
            return looped
        }
        completionHandler(looped ? nil : request)
        if looped { task.cancel() }
    }

    /// Bodies are asked for uncompressed (`Accept-Encoding: identity`): the platform inflates
    /// compressed ones before any limit could apply, so a gzip bomb would be inflated whole.
    private static func isIdentity(_ encoding: String) -> Bool {
        let value = encoding.trimmingCharacters(in: .whitespaces).lowercased()
        return value.isEmpty || value == "identity"
    }

    static func isSameOrigin(_ from: URL?, _ to: URL?) -> Bool {
        guard let from, let to else { return false }
        return from.scheme?.lowercased() == to.scheme?.lowercased() && from.host?.lowercased() == to.host?.lowercased()
            && (from.port ?? defaultPort(from)) == (to.port ?? defaultPort(to))
    }

    private static func defaultPort(_ url: URL) -> Int {
        url.scheme?.lowercased() == "https" ? 443 : 80
    }

    private static func httpResponse(_ response: HTTPURLResponse) -> HTTPResponse {
        var fields = HTTPFields()
        for case (let name as String, let value as String) in response.allHeaderFields {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return HTTPResponse(status: .init(code: response.statusCode), headerFields: fields)
    }
}
