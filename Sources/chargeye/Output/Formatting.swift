import ChargEyeAPI
import Foundation

/// Small, shared ways of showing values in tables and detail views.
enum Formatting {
    /// `212.4` → "212.4", `600` → "600", nil → "".
    static func number(_ value: Double?, decimals: Int = 1) -> String {
        guard let value, value.isFinite else { return "" }
        if value.rounded() == value, abs(value) < 1e12 { return String(Int64(value)) }
        return value.formatted(.number.precision(.fractionLength(0...decimals)).grouping(.never).locale(Locale(identifier: "en_US_POSIX")))
    }

    /// A timestamp in local time, `2026-11-29 14:05`.
    static func localTime(_ date: Date?) -> String {
        guard let date else { return "" }
        return date.formatted(Date.VerbatimFormatStyle(
            format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
            timeZone: .current, calendar: Calendar(identifier: .gregorian)
        ))
    }

    /// "7h 59m", "9m 30s", "45s".
    static func remaining(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds.rounded(.down)))
        if total >= 3600 { return "\(total / 3600)h \(total % 3600 / 60)m" }
        if total >= 60 { return "\(total / 60)m \(total % 60)s" }
        return "\(total)s"
    }

    /// "1h 05m" from milliseconds.
    static func duration(milliseconds: Double?) -> String {
        guard let milliseconds, milliseconds.isFinite, milliseconds >= 0 else { return "" }
        let minutes = Int(milliseconds / 60_000)
        return minutes >= 60 ? "\(minutes / 60)h \(String(format: "%02d", minutes % 60))m" : "\(minutes)m"
    }
}
