public import Foundation

/// How a report's period is cut: calendar days, ISO weeks (Monday to Sunday) or calendar
/// months.
public enum BucketSize: String, CaseIterable, Sendable, Codable {
    case day, week, month

    var component: Calendar.Component {
        switch self {
        case .day: .day
        case .week: .weekOfYear
        case .month: .month
        }
    }
}

/// One bucket of a report: a calendar day, week or month, clipped to the report's period.
public struct Bucket: Sendable, Equatable, Codable {
    /// The part of the calendar bucket inside the period.
    public var interval: DateInterval
    /// `2026-11-03`, `2026-W45` or `2026-11`, in the report's time zone.
    public var label: String
}

/// Cuts periods into buckets in one time zone. Buckets follow the calendar, not fixed
/// lengths: the day a clock goes forward is one bucket of 23 hours, the day it goes back one
/// of 25.
public struct BucketCalendar: Sendable, Equatable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        self.calendar = calendar
        self.timeZone = timeZone
    }

    /// The most buckets a period is cut into (about 27 years of days).
    public static let maxBuckets = 10_000

    /// The buckets that cover `period`, each clipped to it, oldest first.
    public func buckets(covering period: DateInterval, by size: BucketSize) -> [Bucket] {
        var buckets: [Bucket] = []
        guard var whole = calendar.dateInterval(of: size.component, for: period.start) else { return [] }
        while whole.start < period.end, buckets.count < Self.maxBuckets {
            let start = max(whole.start, period.start), end = min(whole.end, period.end)
            if end > start { buckets.append(Bucket(interval: DateInterval(start: start, end: end), label: label(of: whole.start, size))) }
            guard let next = calendar.dateInterval(of: size.component, for: whole.end), next.start > whole.start else { break }
            whole = next
        }
        return buckets
    }

    /// From local midnight `days - 1` days before `now` to `now`: the last `days` calendar
    /// days, today so far included.
    public func lastDays(_ days: Int, now: Date) -> DateInterval {
        let today = calendar.startOfDay(for: now)
        let start = calendar.date(byAdding: .day, value: -(max(1, days) - 1), to: today) ?? today
        return DateInterval(start: start, end: max(now, start))
    }

    /// Local midnight at the start of `date`'s day.
    public func startOfDay(_ date: Date) -> Date {
        calendar.startOfDay(for: date)
    }

    /// `period` moved by `count` buckets of `size` (its length in calendar units kept).
    public func shifted(_ period: DateInterval, by count: Int, _ size: BucketSize) -> DateInterval {
        guard let start = calendar.date(byAdding: size.component, value: count, to: period.start),
            let end = calendar.date(byAdding: size.component, value: count, to: period.end), end > start
        else { return period }
        return DateInterval(start: start, end: end)
    }

    private func label(of start: Date, _ size: BucketSize) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .yearForWeekOfYear, .weekOfYear], from: start)
        func padded(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        switch size {
        case .day: return "\(padded(parts.year, 4))-\(padded(parts.month, 2))-\(padded(parts.day, 2))"
        case .week: return "\(padded(parts.yearForWeekOfYear, 4))-W\(padded(parts.weekOfYear, 2))"
        case .month: return "\(padded(parts.year, 4))-\(padded(parts.month, 2))"
        }
    }
}
