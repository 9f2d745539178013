/// What each `HostileScenario` answers to an API call.
enum HostileReplies {
    static func reply(for scenario: HostileScenario, path: String, redirectTo otherOrigin: String) -> HostileReply {
        let isLocationList = path.hasSuffix("/locations")
        switch scenario {
        case .names:
            return isLocationList
                ? HostileReply(body: HostilePayloads.hostileLocations)
                : .json(404, HostilePayloads.hostileNotFound)
        case .truncatedJSON: return .json(200, HostilePayloads.truncated)
        case .wrongTypes: return .json(200, HostilePayloads.wrongTypes)
        case .duplicateKeys: return .json(200, HostilePayloads.duplicateKeys)
        case .deepNesting: return .json(200, HostilePayloads.deepNesting)
        case .hugeNumbers: return .json(200, HostilePayloads.hugeNumbers)
        case .empty200: return .json(200, "")
        case .html200:
            return HostileReply(headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(HostilePayloads.html.utf8))
        case .hugeBody: return HostileReply(body: HostilePayloads.hugeBody)
        case .gzipBomb:
            return HostileReply(
                headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")], body: HostilePayloads.gzipBomb)
        case .resetMidBody:
            return HostileReply(body: Array(HostilePayloads.hugeBody.prefix(100_000)), delivery: .resetAfter(1_000))
        case .neverAnswers:
            return HostileReply(delivery: .never)
        case .trickle:
            return HostileReply(body: Array(#"{"locations":[{"id":"slow","name":"Trickled"}]}"#.utf8), delivery: .trickle)
        case .crossHostRedirect:
            return HostileReply(status: 302, headers: [("Location", otherOrigin + path)], body: [])
        case .unauthorized:
            return .json(401, #"{"errorMessage":"Token is not valid for this tenant"}"#)
        case .rateLimited:
            return .json(429, #"{"errorMessage":"Rate limit exceeded"}"#, extraHeaders: [("Retry-After", "3600")])
        case .serverError:
            return .json(500, #"{"errorMessage":"Internal server error"}"#)
        }
    }
}
