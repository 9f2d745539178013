import ChargEyeText
import Foundation
import HTTPTypes

/// Reads what a server said in a non-success answer.
enum ErrorBodyReader {
    private struct ErrorBody: Decodable {
        var errorMessage: String
    }

    /// Builds the failure description from the status, headers and body.
    static func failure(
        for response: HTTPResponse, body: Data, request: ChargEyeError.RequestLine
    ) -> ChargEyeError.HTTPFailure {
        var failure = ChargEyeError.HTTPFailure(request: request, status: response.status.code)
        failure.retryAfter = response.headerFields[.retryAfter].flatMap { retryAfterSeconds($0) }
        if let location = response.headerFields[.location]?.trimmingCharacters(in: .whitespaces), !location.isEmpty {
            failure.location = TextSanitizer.singleLine(location, limit: 120)
        }
        if let decoded = JSONNesting.decode(ErrorBody.self, from: body) {
            failure.serverMessage = TextSanitizer.singleLine(decoded.errorMessage, limit: 500)
        } else if !body.isEmpty {
            failure.bodyExcerpt = excerpt(of: body)
        }
        return failure
    }

    /// `Retry-After` as seconds: either a number of seconds or an HTTP date.
    static func retryAfterSeconds(_ value: String, now: Date = Date()) -> TimeInterval? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = TimeInterval(trimmed), seconds.isFinite, seconds >= 0 { return seconds }
        guard let date = HTTPDate.parse(trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// Why a successful body is not what chargeye reads, when its content type is not JSON
    /// ("expected JSON but got text/html: Sign in to the guest Wi-Fi"); nil for JSON or none.
    static func notJSON(contentType: String?, body: Data) -> String? {
        guard let contentType, !mayBeJSON(contentType: contentType) else { return nil }
        return "expected JSON but got \(TextSanitizer.singleLine(contentType, limit: 60)): " + excerpt(of: body, limit: 120)
    }

    /// Whether a body with this content type may be JSON: none given, or a JSON type.
    static func mayBeJSON(contentType: String?) -> Bool {
        guard let contentType, !contentType.isEmpty else { return true }
        return contentType.lowercased().contains("json")
    }

    /// A short, readable, safe excerpt: an HTML page's title, or its text without tags.
    static func excerpt(of body: Data, limit: Int = 200) -> String {
        let text = String(decoding: body.prefix(64 * 1024), as: UTF8.self)
        if let title = htmlTitle(in: text), !title.isEmpty {
            return TextSanitizer.singleLine(title, limit: limit)
        }
        let withoutTags = text.replacing(/<[^>]{0,2000}>/, with: " ")
        return TextSanitizer.singleLine(withoutTags, limit: limit)
    }

    private static func htmlTitle(in text: String) -> String? {
        guard let match = text.firstMatch(of: /(?i)<title[^>]*>([^<]{1,500})<\/title>/) else { return nil }
        return String(match.output.1)
    }
}
