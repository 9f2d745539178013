import ChargEyeText
import Foundation

/// Says why a body that failed to decode is not JSON, in the JSON parser's words.
enum JSONDiagnosis {
    /// A short reason, or nil when the body is valid JSON (its shape is what was wrong).
    static func explain(_ data: Data) -> String? {
        if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) { return "the body is empty" }
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch let error as NSError {
            var reason = error.userInfo[NSDebugDescriptionErrorKey] as? String ?? "malformed"
            while reason.hasSuffix(".") { reason.removeLast() }
            return "not valid JSON (\(TextSanitizer.singleLine(reason, limit: 120)))"
        }
    }
}
