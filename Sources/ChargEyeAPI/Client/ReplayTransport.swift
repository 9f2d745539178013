import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A transport that answers with a response already received, so a body read as a stream can
/// still be decoded by the generated client, exactly as if it had come in one piece.
struct ReplayTransport: ClientTransport {
    let response: HTTPResponse
    let body: Data

    func send(
        _ request: HTTPRequest, body requestBody: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        (response, HTTPBody(body))
    }
}
