/// Something wrong with a session as the API reported it, and what a report does about it.
public enum UsageIssue: String, CaseIterable, Sendable, Codable, Comparable {
    /// No start, an end before the start, or longer than `UsageSession.longestPlausible`: the
    /// session cannot be placed in time and is left out of every figure.
    case inconsistentTimes
    /// Negative, not a number, or more than the connector could deliver in the session's
    /// time: left out of energy, counted otherwise.
    case impossibleEnergy
    /// No energy reported: counted as 0 kWh.
    case missingEnergy
    /// A peak power below 0 or above `UsageSession.highestPlausibleKw`: left out of peak power.
    case impossiblePower
    /// No end yet: counted up to the time of the report.
    case stillOpen
    /// Overlaps another session on the same connector: counted as reported.
    case overlapping

    public static func < (lhs: UsageIssue, rhs: UsageIssue) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// How a chart's footer or a report's note says it, for `count` sessions.
    public func describe(_ count: Int) -> String {
        let sessions = count == 1 ? "1 session" : "\(count) sessions"
        switch self {
        case .inconsistentTimes: return "\(sessions) with inconsistent times left out"
        case .impossibleEnergy: return "\(sessions) with impossible energy left out of energy"
        case .missingEnergy: return "\(sessions) without energy counted as 0 kWh"
        case .impossiblePower: return "\(sessions) with impossible peak power left out of peak power"
        case .stillOpen: return "\(sessions) still open, counted to now"
        case .overlapping: return "\(sessions) overlapping another on the same connector, counted as reported"
        }
    }
}
