import ChargEyeText
public import Foundation

/// The answer to a raw GET: status, body and timing, with the body as pretty JSON when it is JSON.
public struct RawResponse: Sendable, Equatable {
    /// The path requested, relative to the base URL.
    public var path: String
    /// HTTP status code.
    public var status: Int
    /// The `Content-Type` header, if any.
    public var contentType: String?
    /// The body as received.
    public var body: Data
    /// Time from sending to the whole body received.
    public var duration: Duration

    /// Creates a response record.
    public init(path: String, status: Int, contentType: String?, body: Data, duration: Duration) {
        self.path = path
        self.status = status
        self.contentType = contentType
        self.body = body
        self.duration = duration
    }

    /// The body re-indented when it is JSON, else nil: members in the server's order, numbers
    /// and strings as sent (`RawJSON`).
    public var prettyJSON: String? {
        RawJSON(ResponseGuardMiddleware.repairingUTF8(body))?.pretty()
    }

    /// The body for display: pretty JSON, else the text with control characters removed.
    public var displayText: String {
        prettyJSON ?? TextSanitizer.clean(String(decoding: body, as: UTF8.self), keepNewlines: true)
    }

    /// A path as typed by a user, made relative to the base URL: `locations` becomes
    /// `/locations`, and a full URL under the base URL loses the base.
    public static func normalize(path: String, baseURL: URL) -> String {
        var text = path.trimmingCharacters(in: .whitespaces)
        let base = baseURL.absoluteString.hasSuffix("/") ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
        if text.hasPrefix(base) { text.removeFirst(base.count) }
        if !text.hasPrefix("/") { text = "/" + text }
        return text
    }
}
