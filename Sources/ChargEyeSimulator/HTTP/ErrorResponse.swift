import ChargEyeAPI
import Foundation
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
        guard let body = fault.body else {
            let reason = HTTPStatusText.reason(fault.status)
            return make(status: fault.status, message: "Injected fault: \(fault.status) \(reason)", retryAfter: fault.retryAfter)
        }
        var headers: HTTPFields = [.contentType: fault.contentType ?? "application/json"]
        if let retryAfter = fault.retryAfter { headers[.retryAfter] = retryAfter }
        return Response(status: .init(code: fault.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
