/// What `HostileServer` sends for one request, and how.
struct HostileReply: Sendable {
    /// How the bytes go out.
    enum Delivery: Sendable {
        /// Headers and body at once, then close.
        case whole
        /// Headers at once, then the body one byte a second.
        case trickle
        /// Headers and this many body bytes, then a TCP reset.
        case resetAfter(Int)
        /// Nothing at all; the connection stays open until the client gives up.
        case never
    }

    var status = 200
    var headers: [(String, String)] = [("Content-Type", "application/json")]
    var body: [UInt8] = []
    var delivery = Delivery.whole
    /// A `Content-Length` to announce instead of the body's real length.
    var announcedLength: Int?

    /// A JSON reply.
    static func json(_ status: Int, _ text: String, extraHeaders: [(String, String)] = []) -> HostileReply {
        HostileReply(status: status, headers: [("Content-Type", "application/json")] + extraHeaders, body: Array(text.utf8))
    }

    /// The status line and headers, `Content-Length` and `Connection: close` included.
    var head: [UInt8] {
        var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(announcedLength ?? body.count)\r\nConnection: close\r\n\r\n"
        return Array(text.utf8)
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 302: "Found"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        default: "Status"
        }
    }
}
