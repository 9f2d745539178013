public import Foundation
public import HTTPTypes
public import OpenAPIRuntime

/// The innermost middleware: turns whatever the network did into either a complete, bounded,
/// successful response or a `ChargEyeError`.
///
/// - bounds each request by `timeout` (the whole answer, body included, so a server that
///   trickles a byte a second still fails on time);
/// - reads the body up to `maxResponseBytes` and fails clearly past it;
/// - turns non-2xx answers into `.http` with the server's `errorMessage` (or a sanitized
///   excerpt of a foreign body, such as a proxy's HTML page) and its `Retry-After`; so too a 2xx
///   other than 200 on an API operation, which documents 200 alone (the raw console GET
///   takes any 2xx);
/// - refuses a successful answer nested deeper than `JSONDecoder` reads (`JSONNesting`);
/// - turns platform network errors into `.transport` in plain categories.
///
/// A streamed call (`streamedOperationID`) gets its successful body back unread, still bounded
/// by the transport; its reader applies the timeout to the rest (`withDeadline`).
public struct ResponseGuardMiddleware: ClientMiddleware {
    /// The operation whose successful body is handed on as a stream rather than read here.
    static let streamedOperationID = "list.streamed"
    /// The raw console GET, which shows whatever success the server answers.
    static let rawOperationID = "rawGet"

    /// Per-request timeout, in seconds.
    public var timeout: TimeInterval
    /// The largest response body accepted, in bytes.
    public var maxResponseBytes: Int

    /// Creates the middleware.
    public init(timeout: TimeInterval, maxResponseBytes: Int) {
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    /// Sends the request and vets the answer.
    public func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let line = ChargEyeError.RequestLine(method: request.method.rawValue, path: request.path ?? "/")
        let host = baseURL.host ?? baseURL.absoluteString
        let limit = maxResponseBytes
        // The task group below finishes before this method returns, so `next` never outlives it.
        let streamed = operationID == Self.streamedOperationID
        let success = operationID == Self.rawOperationID ? 200...299 : 200...200
        let (response, data, unread) = try await withoutActuallyEscaping(next) { next in
            try await Self.withDeadline(seconds: timeout, request: line, host: host) {
                let (response, body) = try await next(request, body, baseURL)
                if streamed, success.contains(response.status.code) { return (response, Data(), body) }
                return (response, try await Self.collect(body, limit: limit, request: line), nil as HTTPBody?)
            }
        }
        guard success.contains(response.status.code) else {
            throw ChargEyeError.http(ErrorBodyReader.failure(for: response, body: data, request: line))
        }
        if streamed { return (response, unread) }
        let repaired = Self.repairingUTF8(data)
        // A body labelled as something else never reaches the decoder (its label is the error).
        if operationID != Self.rawOperationID, ErrorBodyReader.mayBeJSON(contentType: response.headerFields[.contentType]),
            JSONNesting.isTooDeep(repaired) {
            throw ChargEyeError.decoding(.init(request: line, fieldPath: "", detail: "the answer \(JSONNesting.tooDeepDetail)"))
        }
        return (response, HTTPBody(repaired))
    }

    /// Replaces invalid UTF-8 with U+FFFD, so one bad byte in a name costs a `�` on screen
    /// rather than the whole response (JSON decoding rejects invalid UTF-8 outright).
    static func repairingUTF8(_ data: Data) -> Data {
        String(validating: data, as: UTF8.self) == nil ? Data(String(decoding: data, as: UTF8.self).utf8) : data
    }

    /// Reads a whole body, refusing more than `limit` bytes.
    static func collect(_ body: HTTPBody?, limit: Int, request: ChargEyeError.RequestLine) async throws -> Data {
        guard let body else { return Data() }
        if case .known(let length) = body.length, length > limit {
            throw ChargEyeError.responseTooLarge(request, limitBytes: limit)
        }
        var data = Data()
        if case .known(let length) = body.length { data.reserveCapacity(Int(length)) }
        for try await chunk in body {
            guard data.count + chunk.count <= limit else {
                throw ChargEyeError.responseTooLarge(request, limitBytes: limit)
            }
            data.append(contentsOf: chunk)
        }
        return data
    }

    /// Runs `work`, failing with a timeout if it takes longer than `seconds`; maps network
    /// errors to `.transport`.
    static func withDeadline<T: Sendable>(
        seconds: TimeInterval, request: ChargEyeError.RequestLine, host: String,
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        do {
            return try await Deadline.run(seconds: seconds, expired: {
                ChargEyeError.transport(.init(
                    request: request, host: host, kind: .timeout(seconds),
                    detail: "no complete answer within \(Int(seconds.rounded())) s"
                ))
            }, work)
        } catch {
            throw TransportErrorMapper.map(error, request: request, host: host)
        }
    }
}
