import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Runs a request through the same middlewares as the generated client, for the calls that
/// the generated client does not make: the raw console GET and the token exchange.
struct MiddlewareChain: Sendable {
    let middlewares: [any ClientMiddleware]
    let transport: any ClientTransport

    func send(_ request: HTTPRequest, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        var next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = {
            [transport] request, body, url in
            try await transport.send(request, body: body, baseURL: url, operationID: operationID)
        }
        for middleware in middlewares.reversed() {
            let inner = next
            next = { request, body, url in
                try await middleware.intercept(request, body: body, baseURL: url, operationID: operationID, next: inner)
            }
        }
        return try await next(request, nil, baseURL)
    }
}
