import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes

/// The URLSession delegate behind `BoundedURLSessionTransport`: it collects each task's body as
/// it arrives and cancels the task the moment it passes the size limit, and it follows
/// redirects only within the same scheme, host and port, so the Authorization header (the JWT or
/// the refresh token) is never sent to another server; a redirect elsewhere reaches the caller
/// as the 3xx it is.
final class StreamingSessionDelegate: NSObject, URLSessionDataDelegate, Sendable {
    /// One task in flight.
    private struct PendingEntry {
        var continuation: CheckedContinuation<(HTTPResponse, Data), any Error>
        var request: ChargEyeError.RequestLine
        var limit: Int
        var response: HTTPResponse?
        var data = Data()
        var failure: ChargEyeError?
    }

    private let pending = Locked<[Int: PendingEntry]>([:])

    /// Starts `task`, whose outcome resumes `continuation`.
    func start(
        _ task: URLSessionDataTask, request: ChargEyeError.RequestLine, limit: Int,
        continuation: CheckedContinuation<(HTTPResponse, Data), any Error>
    ) {
        pending.withLock {
            $0[task.taskIdentifier] = PendingEntry(continuation: continuation, request: request, limit: limit)
        }
        task.resume()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let tooLarge = pending.withLock { table -> Bool in
            guard var entry = table[dataTask.taskIdentifier] else { return false }
            let http = response as? HTTPURLResponse
            entry.response = http.map(Self.httpResponse)
            if response.expectedContentLength > Int64(entry.limit) {
                entry.failure = .responseTooLarge(entry.request, limitBytes: entry.limit)
            } else if let encoding = http?.value(forHTTPHeaderField: "Content-Encoding"), !Self.isIdentity(encoding) {
                entry.failure = .decoding(.init(
                    request: entry.request, fieldPath: "",
                    detail: "the server sent a compressed (\(TextSanitizer.singleLine(encoding, limit: 20))) answer though chargeye asked for none"
                ))
            }
            table[dataTask.taskIdentifier] = entry
            return entry.failure != nil
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let tooLarge = pending.withLock { table -> Bool in
            // Taken out and put back so the collected body has one owner and grows in place.
            guard var entry = table.removeValue(forKey: id) else { return false }
            defer { table[id] = entry }
            guard entry.failure == nil else { return false }
            guard entry.data.count + data.count <= entry.limit else {
                entry.failure = .responseTooLarge(entry.request, limitBytes: entry.limit)
                entry.data = Data()
                return true
            }
            entry.data.append(data)
            return false
        }
        if tooLarge { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let entry = pending.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let failure = entry.failure {
            entry.continuation.resume(throwing: failure)
        } else if let error {
            entry.continuation.resume(throwing: error)
        } else if let response = entry.response {
            entry.continuation.resume(returning: (response, entry.data))
        } else {
            entry.continuation.resume(throwing: URLError(.badServerResponse))
        }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(Self.isSameOrigin(task.originalRequest?.url, request.url) ? request : nil)
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
