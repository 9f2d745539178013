import ChargEyeText
import Foundation
import OpenAPIRuntime

/// Turns what the generated client returns or throws into values or `ChargEyeError`s.
enum ResponseDecoding {
    /// Any error from a generated call, as a `ChargEyeError` (or cancellation).
    static func normalize(_ error: any Error, request: ChargEyeError.RequestLine) -> any Error {
        let unwrapped = ChargEyeError.from(error, request: request)
        if unwrapped is ChargEyeError || unwrapped is CancellationError { return unwrapped }
        let cause = (error as? ClientError)?.causeDescription ?? ChargEyeError.plainWords(for: unwrapped)
        return ChargEyeError.decoding(.init(
            request: request, fieldPath: "", detail: TextSanitizer.singleLine(cause, limit: 200)
        ))
    }

    /// `normalize`, and when the body was not JSON at all, the parser's own words about why
    /// ("the body is empty", "Unexpected end of file") instead of
    /// the decoder's bare "The given data was not valid JSON".
    static func normalizeExplaining(_ error: any Error, request: ChargEyeError.RequestLine) async -> any Error {
        let normalized = normalize(error, request: request)
        guard case .decoding(var failure)? = normalized as? ChargEyeError, failure.fieldPath.isEmpty,
            let clientError = error as? ClientError, let body = clientError.responseBody,
            let data = try? await Data(collecting: body, upTo: .max)
        else { return normalized }
        if let notJSON = ErrorBodyReader.notJSON(contentType: clientError.response?.headerFields[.contentType], body: data) {
            failure.detail = notJSON
        } else if let explanation = JSONDiagnosis.explain(data) {
            failure.detail = explanation
        }
        return ChargEyeError.decoding(failure)
    }

    /// The 200 case of an output, or a clear error for any other documented answer (which the
    /// response guard normally turns into `.http` before it gets here).
    static func expectOK<T>(_ ok: @autoclosure () throws -> T, request: ChargEyeError.RequestLine) throws -> T {
        do {
            return try ok()
        } catch {
            throw ChargEyeError.decoding(.init(request: request, fieldPath: "", detail: "unexpected response status"))
        }
    }

}
