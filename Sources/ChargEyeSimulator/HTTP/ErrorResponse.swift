import ChargEyeAPI
import Foundation
import HTTPTypes
import Hummingbird

/// ChargEye-style error answers: a status and `{"errorMessage": "..."}`.
enum ErrorResponse {
    static func make(status: Int, message: String, retryAfter: String? = nil) -> Response {
        let body = (try? JSONEncoder().encode(["errorMessage": message])) ?? Data("{}".utf8)
        var headers: HTTPFields = [.contentType: "application/json"]
        if let retryAfter { headers[.retryAfter] = retryAfter }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The answer an injected fault gives.
    static func make(for fault: FaultRule) -> Response {
        var response: Response
        if let body = fault.body {
            var headers: HTTPFields = [.contentType: fault.contentType ?? "application/json"]
            if let retryAfter = fault.retryAfter { headers[.retryAfter] = retryAfter }
            response = Response(status: .init(code: fault.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        } else {
            let reason = HTTPStatusText.reason(fault.status)
            response = make(status: fault.status, message: "Injected fault: \(fault.status) \(reason)", retryAfter: fault.retryAfter)
        }
        for (name, value) in fault.headers ?? [:] {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }
}
