import ChargEyeText
import Foundation

extension ChargEyeError.DecodingFailure {
    /// Describes a `DecodingError` by the JSON path where it happened.
    init(_ error: DecodingError, request: ChargEyeError.RequestLine) {
        let (path, detail): ([any CodingKey], String) =
            switch error {
            case .keyNotFound(let key, let context):
                (context.codingPath + [key], "required field is missing")
            case .valueNotFound(let type, let context):
                (context.codingPath, "expected \(Self.describe(type)), found null")
            case .typeMismatch(let type, let context):
                (context.codingPath, "expected \(Self.describe(type)); \(Self.firstSentence(context.debugDescription))")
            case .dataCorrupted(let context):
                (context.codingPath, Self.firstSentence(Self.innermostDescription(context)))
            @unknown default:
                ([], "unreadable response")
            }
        self.init(request: request, fieldPath: Self.render(path), detail: detail)
    }

    /// `stations[3].connectors[0].connectorId`.
    static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else if !key.stringValue.isEmpty {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Double.Type, is Float.Type, is Int.Type, is Int64.Type: "a number"
        case is Bool.Type: "true or false"
        default: "a value of type \(type)"
        }
    }

    /// The JSON parser's own words ("Unexpected end of file") say
    /// more than the decoder's "The given data was not valid JSON".
    private static func innermostDescription(_ context: DecodingError.Context) -> String {
        guard let underlying = context.underlyingError as NSError?,
            let text = underlying.userInfo[NSDebugDescriptionErrorKey] as? String, !text.isEmpty
        else { return context.debugDescription }
        return "not valid JSON: \(text)"
    }

    private static func firstSentence(_ text: String) -> String {
        var text = Substring(text)
        while text.hasSuffix(".") { text = text.dropLast() }
        let sanitized = TextSanitizer.singleLine(String(text), limit: 160)
        return sanitized.isEmpty ? "malformed value" : sanitized
    }
}
