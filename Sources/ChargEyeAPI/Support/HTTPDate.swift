public import Foundation
import Synchronization

/// The HTTP date format of `Date` and `Retry-After` headers: `Sun, 29 Nov 2026 12:00:00 GMT`.
public enum HTTPDate {
    /// `date` as an IMF-fixdate (the simulator's `Date` header).
    public static func format(_ date: Date) -> String {
        formatter.withLock { $0.string(from: date) }
    }

    /// Parses an IMF-fixdate, or returns nil.
    static func parse(_ text: String) -> Date? {
        formatter.withLock { $0.date(from: text.trimmingCharacters(in: .whitespaces)) }
    }

    private static let formatter: Mutex<DateFormatter> = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return Mutex(formatter)
    }()
}
