public import Foundation

/// Where a token's expiry was read from.
public enum TokenLifetimeSource: String, Sendable, Codable, Equatable {
    /// The answer's `validUntil` (the normal case).
    case validUntil
    /// The JWT's own `exp` claim, because `validUntil` was unusable.
    case jwtExpiry = "jwtExp"
    /// The documented 8-hour lifetime, because neither was usable.
    case documented

    /// A few words for the countdown and `chargeye token`: nil in the normal case.
    public var caveat: String? {
        switch self {
        case .validUntil: nil
        case .jwtExpiry: "by JWT exp"
        case .documented: "assumed 8h"
        }
    }
}

/// A token's expiry in local time, from the best evidence its answer holds: `validUntil` when
/// it is a sane date after the server's `Date`; else the JWT's `exp`; else the documented 8 hours.
/// Server times are moved onto this machine's clock with the `Date` header when the two clocks
/// disagree by more than the header's resolution (and the header is not itself absurd).
struct TokenLifetime: Equatable {
    /// ChargEye's documented token lifetime.
    static let documented: TimeInterval = 28_800
    /// Longer than this is not a plausible lifetime (a date in the far future).
    static let longest: TimeInterval = 31 * 86_400

    /// When the token stops working, local time.
    var expiresAt: Date
    /// Which evidence gave `expiresAt`.
    var source: TokenLifetimeSource
    /// What was wrong with the answer, in words for the status bar; nil when nothing was.
    var problem: String?
    /// The server stated an expiry at or before its own current time.
    var arrivedExpired: Bool

    /// Resolves the lifetime of `answer`, received at `receivedAt` (local clock).
    init(_ answer: TokenAnswer, receivedAt: Date) {
        let (date, complaint) = Self.validUntilComplaint(answer)
        if let date, let remaining = Self.remaining(until: date, answer: answer, receivedAt: receivedAt) {
            self.init(expiresAt: receivedAt.addingTimeInterval(remaining), source: .validUntil, problem: nil, arrivedExpired: false)
            return
        }
        let arrivedExpired = date.map { $0 <= Self.reference(answer, receivedAt: receivedAt) } ?? false
        let problem = arrivedExpired
            ? "the server's tokens arrive already expired (valid until \(Self.utc(date!))); using them until refused"
            : complaint ?? "the server's validUntil is unusable"
        if let exp = JWTExpiry.of(answer.token), let remaining = Self.remaining(until: exp, answer: answer, receivedAt: receivedAt) {
            let timing = arrivedExpired ? "" : "; timing renewal by the token's own expiry (exp)"
            self.init(expiresAt: receivedAt.addingTimeInterval(remaining), source: .jwtExpiry, problem: problem + timing, arrivedExpired: arrivedExpired)
        } else {
            let timing = arrivedExpired ? "" : "; assuming the documented 8 h"
            self.init(expiresAt: receivedAt.addingTimeInterval(Self.documented), source: .documented, problem: problem + timing, arrivedExpired: arrivedExpired)
        }
    }

    init(expiresAt: Date, source: TokenLifetimeSource, problem: String?, arrivedExpired: Bool) {
        self.expiresAt = expiresAt
        self.source = source
        self.problem = problem
        self.arrivedExpired = arrivedExpired
    }

    /// The time left until `instant` (server clock), when that is a plausible lifetime,
    /// counted from the server's "now" (`reference`).
    private static func remaining(until instant: Date, answer: TokenAnswer, receivedAt: Date) -> TimeInterval? {
        let left = instant.timeIntervalSince(reference(answer, receivedAt: receivedAt))
        return left > 0 && left <= longest ? left : nil
    }

    /// The server's "now": its `Date` header when the header is readable and plausible (within
    /// 31 days of our clock; a clock off by hours is corrected this way), else our own clock.
    /// Within the header's one-second resolution the two are taken as the same.
    private static func reference(_ answer: TokenAnswer, receivedAt: Date) -> Date {
        guard let serverDate = answer.serverDate else { return receivedAt }
        let skew = abs(serverDate.timeIntervalSince(receivedAt))
        return skew > 2 && skew <= longest ? serverDate : receivedAt
    }

    /// The date `validUntil` states, and what is wrong with it when it states none.
    private static func validUntilComplaint(_ answer: TokenAnswer) -> (Date?, String?) {
        switch answer.validUntil {
        case .date(let date):
            return (date, "the server's validUntil (\(utc(date))) is not a plausible expiry")
        case .missing:
            return (nil, "the server's token answer has no validUntil")
        case .unreadable(let text):
            return (nil, "the server's validUntil \"\(text)\" is not a date")
        case .number(let number):
            return (nil, "the server's validUntil is a number (\(number.formatted(.number.grouping(.never)))), not a date")
        }
    }

    /// "2020-01-01 00:00 UTC".
    static func utc(_ date: Date) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
        style = style.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon)
        let text = date.formatted(style)
        return text.replacingOccurrences(of: "T", with: " ").prefix(16) + " UTC"
    }
}
