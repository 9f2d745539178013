public import Foundation
public import HTTPTypes
public import OpenAPIRuntime
import Synchronization

/// A transport that answers every API call with the same bytes (and the token exchange with a
/// valid token), so the client's whole decoding path runs on them without a network: the
/// fuzzer and the decoding benchmark use it.
public final class FixedBodyTransport: ClientTransport {
    private let body = Mutex(Data())

    /// A transport that answers with an empty body until told otherwise.
    public init() {}

    /// Sets the bytes the next calls receive.
    public func answer(with data: Data) {
        body.withLock { $0 = data }
    }

    /// Answers one call.
    public func send(
        _ request: HTTPRequest, body requestBody: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let json = HTTPFields([HTTPField(name: .contentType, value: "application/json")])
        if request.path?.hasSuffix("/auth/refreshAccessToken") == true {
            return (HTTPResponse(status: .ok, headerFields: json), HTTPBody(#"{"token":"fuzz","validUntil":"2099-01-01T00:00:00Z"}"#))
        }
        return (HTTPResponse(status: .ok, headerFields: json), HTTPBody(body.withLock { $0 }))
    }
}
