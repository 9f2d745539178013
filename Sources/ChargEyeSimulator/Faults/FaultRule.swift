/// One injected fault: requests whose path matches get this answer instead of the real one.
public struct FaultRule: Codable, Sendable, Equatable {
    /// The API path to match, relative to the base URL (`/locations`); a trailing `*` matches
    /// any path with that prefix, and `*` alone matches every path. A path with a query
    /// (`/stations?locationUid=X`) matches that query exactly (or as a prefix with `*`).
    public var path: String
    /// The HTTP status to answer with.
    public var status: Int
    /// The body to send; nil sends `{"errorMessage": ...}` describing the injected fault.
    public var body: String?
    /// The body's content type; `application/json` when nil.
    public var contentType: String?
    /// A `Retry-After` header value to send.
    public var retryAfter: String?
    /// How many matching requests this rule answers before it retires; nil means forever.
    public var times: Int?
    /// Extra delay before answering, in milliseconds (e.g. longer than the client's timeout).
    public var delayMs: Int?
    /// Extra response headers, e.g. `Location` for a redirect.
    public var headers: [String: String]?

    /// Creates a rule.
    public init(
        path: String, status: Int, body: String? = nil, contentType: String? = nil, retryAfter: String? = nil,
        times: Int? = nil, delayMs: Int? = nil, headers: [String: String]? = nil
    ) {
        self.path = path
        self.status = status
        self.body = body
        self.contentType = contentType
        self.retryAfter = retryAfter
        self.times = times
        self.delayMs = delayMs
        self.headers = headers
    }

    /// Parses the command line form `PATH=STATUS`, e.g. `/locations=503`.
    public init?(commandLine text: String) {
        guard let separator = text.lastIndex(of: "="), let status = Int(text[text.index(after: separator)...]),
            (100...599).contains(status)
        else { return nil }
        let path = String(text[..<separator])
        guard path.hasPrefix("/") || path == "*" else { return nil }
        self.init(path: path, status: status)
    }

    /// Whether the rule applies to `requestPath` with `query`.
    func matches(_ requestPath: String, query: String? = nil) -> Bool {
        if path == "*" { return true }
        if path.contains("?") {
            let full = requestPath + "?" + (query ?? "")
            return path.hasSuffix("*") ? full.hasPrefix(path.dropLast()) : full == path
        }
        if path.hasSuffix("*") { return requestPath.hasPrefix(path.dropLast()) }
        return requestPath == path
    }
}

/// The complete fault configuration of a running simulator.
public struct FaultSettings: Codable, Sendable, Equatable {
    /// The chance (0...1) that any API request fails with a random 500 or 503.
    public var failRate: Double
    /// Extra latency added to every API request, in milliseconds.
    public var latencyMs: Int
    /// A random extra latency of up to this many milliseconds per request (nil: none).
    public var latencyJitterMs: Int?
    /// Specific faults, tried in order before the random ones.
    public var rules: [FaultRule]

    /// Creates settings; the default injects nothing.
    public init(failRate: Double = 0, latencyMs: Int = 0, latencyJitterMs: Int? = nil, rules: [FaultRule] = []) {
        self.failRate = min(1, max(0, failRate))
        self.latencyMs = max(0, latencyMs)
        self.latencyJitterMs = latencyJitterMs.map { max(0, $0) }
        self.rules = rules
    }
}
