import Foundation
import OpenAPIRuntime

/// Turns what the generated client returns or throws into values or `ChargEyeError`s.
enum ResponseDecoding {
    /// Any error from a generated call, as a `ChargEyeError` (or cancellation).
    static func normalize(_ error: any Error, request: ChargEyeError.RequestLine) -> any Error {
        let unwrapped = ChargEyeError.from(error, request: request)
        if unwrapped is ChargEyeError || unwrapped is CancellationError { return unwrapped }
        let cause = (error as? ClientError)?.causeDescription ?? String(describing: unwrapped)
        return ChargEyeError.decoding(.init(
            request: request, fieldPath: "", detail: TextSanitizer.singleLine(cause, limit: 200)
        ))
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
