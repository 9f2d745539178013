/// One way a ChargEye-compatible server can misbehave, served by `HostileServer` to every API
/// call except the token exchange (which always works, so each scenario reaches the data path).
///
/// `chargeye simulator --hostile SCENARIO` serves one; the tests run the command line and the
/// browser against each of them.
public enum HostileScenario: String, CaseIterable, Sendable {
    /// Names with ESC/CSI/OSC sequences (clipboard write, title change, screen clear), C0/C1
    /// controls, NUL, bidi overrides, invalid UTF-8, a 10,000-character name and CJK/emoji;
    /// every other path answers 404 with an equally hostile `errorMessage`.
    case names
    /// A 200 whose JSON stops in the middle of a string.
    case truncatedJSON = "truncated-json"
    /// A 200 with numbers where strings belong and strings where numbers belong.
    case wrongTypes = "wrong-types"
    /// A 200 whose objects repeat keys with different values.
    case duplicateKeys = "duplicate-keys"
    /// A 200 of arrays nested 10,000 levels deep.
    case deepNesting = "deep-nesting"
    /// A 200 with 1e308, 1e999, NaN and Infinity where coordinates belong.
    case hugeNumbers = "huge-numbers"
    /// A 200 with an empty body.
    case empty200 = "empty-200"
    /// A 200 with a `text/html` page (a captive portal or proxy).
    case html200 = "html-200"
    /// A 200 of 50 MB of valid JSON (bounded by the client's response size limit).
    case hugeBody = "huge-body"
    /// A 200 with `Content-Encoding: gzip` that inflates to 1 GiB.
    case gzipBomb = "gzip-bomb"
    /// A 200 that promises 100,000 bytes, sends 1,000 and resets the connection.
    case resetMidBody = "reset-mid-body"
    /// Accepts the connection, reads the request and never answers.
    case neverAnswers = "never-answers"
    /// Sends the answer one byte a second.
    case trickle
    /// A 302 to the same server under another host name; it counts requests that arrive there
    /// with an `Authorization` header (there must be none).
    case crossHostRedirect = "cross-host-redirect"
    /// A 401 for every resource call, though the token exchange succeeds.
    case unauthorized
    /// A 429 with `Retry-After: 3600` for every call.
    case rateLimited = "rate-limited"
    /// A 500 for every call.
    case serverError = "server-error"

    /// One line for `--help` and the simulator's banner.
    public var summary: String {
        switch self {
        case .names: "escape sequences, controls, bidi, invalid UTF-8, huge and CJK names"
        case .truncatedJSON: "JSON cut off mid-string"
        case .wrongTypes: "numbers for strings, strings for numbers"
        case .duplicateKeys: "objects with repeated keys"
        case .deepNesting: "arrays nested 10,000 deep"
        case .hugeNumbers: "1e308, 1e999, NaN and Infinity"
        case .empty200: "200 with an empty body"
        case .html200: "200 with an HTML page"
        case .hugeBody: "50 MB of JSON"
        case .gzipBomb: "gzip that inflates to 1 GiB"
        case .resetMidBody: "connection reset mid-body"
        case .neverAnswers: "accepts, never answers"
        case .trickle: "one byte a second"
        case .crossHostRedirect: "302 to another host name"
        case .unauthorized: "401 for every call"
        case .rateLimited: "429 with Retry-After: 3600"
        case .serverError: "500 for every call"
        }
    }
}
