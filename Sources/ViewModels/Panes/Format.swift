import ChargEyeAPI
public import Foundation

/// Display formatting shared by the pane models and the command line's tables: numbers with
/// units, local times with relative ages, durations.
public enum Format {
    /// "212.4", "600", "" for nil.
    public static func number(_ value: Double?, decimals: Int = 1) -> String {
        guard let value, value.isFinite else { return "" }
        if value.rounded() == value, abs(value) < 1e12 { return String(Int64(value)) }
        // Past what a whole number holds exactly (and Int64 at all): three significant digits.
        guard abs(value) < 1e15 else { return String(format: "%.3g", value) }
        let scale = pow(10, Double(decimals))
        let rounded = (value * scale).rounded() / scale
        return rounded.rounded() == rounded ? String(Int64(rounded)) : String(rounded)
    }

    /// "212.4 kW", nil when the value is absent.
    static func unit(_ value: Double?, _ unit: String, decimals: Int = 1) -> String? {
        guard let value, value.isFinite else { return nil }
        return "\(number(value, decimals: decimals)) \(unit)"
    }

    /// "41.5 of 147 kW (28 %)": a power reading against its maximum, as its gauge shows it
    /// ("of ≤800 kW (≥25 %)" when the maximum is only an upper bound); the reading alone when
    /// the maximum is unknown; nil without a reading.
    static func power(_ now: Double?, of maximum: Double?, isUpperBound: Bool = false) -> String? {
        guard let reading = unit(now, "kW") else { return nil }
        guard let now, let maximum, maximum.isFinite, maximum > 0 else { return reading }
        let percent = max(0, now) / maximum * 100
        let share = percent > 999 ? ">999" : (isUpperBound ? "≥" : "") + number(percent, decimals: 0)
        // A maximum too small for one decimal (a bad reading) is shown as sent, not as 0.
        let shownMaximum = maximum < 0.05 ? String(format: "%.2g", maximum) : number(maximum)
        return "\(number(now)) of \(isUpperBound ? "≤" : "")\(shownMaximum) kW (\(share) %)"
    }

    /// "64 % (from 21 %, limit 80 %)": a state of charge with what is known of its start and
    /// limit; nil when none is known.
    static func stateOfCharge(start: Double?, now: Double?, limit: Double?) -> String? {
        let percent = { (value: Double?) in unit(value, "%", decimals: 0) }
        let context = [percent(start).map { "from \($0)" }, percent(limit).map { "limit \($0)" }].compactMap { $0 }.joined(separator: ", ")
        guard let current = percent(now) else { return context.isEmpty ? nil : context }
        return context.isEmpty ? current : "\(current) (\(context))"
    }

    /// "2026-11-29 14:05:12 (3 min ago)" in the given zone.
    static func timestamp(_ date: Date?, now: Date, zone: TimeZone) -> String? {
        guard let date else { return nil }
        return "\(clock(date, zone: zone, seconds: true)) (\(age(of: date, now: now)))"
    }

    /// "2026-11-29 14:05" or with seconds.
    public static func clock(_ date: Date, zone: TimeZone, seconds: Bool = false) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let text = String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
        return seconds ? text + String(format: ":%02d", parts.second ?? 0) : text
    }

    /// "14:05:09" in the given zone.
    static func timeOfDay(_ date: Date, zone: TimeZone) -> String {
        String(clock(date, zone: zone, seconds: true).suffix(8))
    }

    /// "just now", "3 min ago", "2 h ago", "5 d ago", "in 4 min".
    static func age(of date: Date, now: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        let magnitude = abs(seconds)
        let text: String
        switch magnitude {
        case ..<45: return "just now"
        case ..<3600: text = "\(Int((magnitude / 60).rounded())) min"
        case ..<86_400: text = "\(Int(magnitude / 3600)) h"
        default: text = "\(Int(magnitude / 86_400)) d"
        }
        return seconds >= 0 ? "\(text) ago" : "in \(text)"
    }

    /// "12 s ago" within the first minute, then like `age(of:now:)`.
    static func freshness(of date: Date, now: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        return seconds >= 0 && seconds < 60 ? "\(Int(seconds)) s ago" : age(of: date, now: now)
    }

    /// "1 h 05 min" from seconds.
    public static func duration(seconds: Double?) -> String? {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return nil }
        let minutes = Int(seconds / 60)
        return minutes >= 60 ? "\(minutes / 60) h \(String(format: "%02d", minutes % 60)) min" : "\(minutes) min"
    }
}
