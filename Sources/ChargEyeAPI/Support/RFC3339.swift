public import Foundation

/// Reads every RFC 3339 date-time, and the zone-less form some ChargEye sources show: `T`, `t`
/// or a space between date and time, seconds and any number of fraction digits optional, a
/// leap second (`:60`, read as the next minute's start), `Z`, `z`, or any offset up to ±23:59
/// (with or without its colon), or no zone at all (then UTC); and writes ChargEye's own form.
/// Hand-written because Foundation's
/// ISO 8601 parser refuses lower-case `t`/`z` and offsets beyond ±18:00, and is slow when a
/// long transaction list is decoded. Pure arithmetic: no calendar, no allocation.
public enum RFC3339 {
    /// The instant `text` names, or nil when it is not such a timestamp.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var cursor = Cursor(bytes: bytes)
        guard let year = cursor.digits(4), cursor.take(UInt8(ascii: "-")), let month = cursor.digits(2),
            cursor.take(UInt8(ascii: "-")), let day = cursor.digits(2),
            cursor.takeAny([UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")]),
            let hour = cursor.digits(2), cursor.take(UInt8(ascii: ":")), let minute = cursor.digits(2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
            hour <= 23, minute <= 59
        else { return nil }
        var second = 0
        var fraction = 0.0
        if cursor.take(UInt8(ascii: ":")) {
            guard let value = cursor.digits(2), value <= 60 else { return nil }
            second = value
            if cursor.take(UInt8(ascii: ".")) {
                guard let value = cursor.fraction() else { return nil }
                fraction = value
            }
        }
        var offset = 0
        if cursor.takeAny([UInt8(ascii: "Z"), UInt8(ascii: "z")]) {
            offset = 0
        } else if let sign = cursor.sign() {
            guard let hours = cursor.digits(2), hours <= 23 else { return nil }
            _ = cursor.take(UInt8(ascii: ":"))
            guard let minutes = cursor.digits(2), minutes <= 59 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard cursor.atEnd else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    /// `date` as ChargEye writes timestamps: UTC, to the nearest millisecond, `Z`
    /// (`2025-03-04T05:12:40.118Z`); nil outside the years 0000-9999.
    public static func format(_ date: Date) -> String? {
        var text = [UInt8]()
        text.reserveCapacity(24)
        guard write(date, to: &text) else { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `format(date)`'s bytes to `bytes` (a writer of large answers makes no string
    /// per timestamp); false, and nothing appended, outside the years 0000-9999.
    public static func write(_ date: Date, to bytes: inout [UInt8]) -> Bool {
        let scaled = (date.timeIntervalSince1970 * 1000).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { return false }
        let milliseconds = Int(scaled)
        let (days, inDay) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, time) = inDay < 0 ? (days - 1, inDay + 86_400_000) : (days, inDay)
        let (year, month, dayOfMonth) = civil(fromDays: day)
        guard (0...9999).contains(year) else { return false }
        let zero = UInt8(ascii: "0")
        func two(_ value: Int) {
            bytes.append(zero + UInt8(value / 10))
            bytes.append(zero + UInt8(value % 10))
        }
        func mark(_ separator: Unicode.Scalar) { bytes.append(UInt8(ascii: separator)) }
        two(year / 100); two(year % 100); mark("-")
        two(month); mark("-")
        two(dayOfMonth); mark("T")
        two(time / 3_600_000); mark(":")
        two(time / 60_000 % 60); mark(":")
        two(time / 1000 % 60); mark(".")
        bytes.append(zero + UInt8(time % 1000 / 100)); two(time % 100); mark("Z")
        return true
    }

    /// Year, month and day of the `days`-th day since 1970-01-01, proleptic Gregorian (the
    /// inverse of `daysSinceEpoch`).
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * monthIndex + 2) / 5 + 1)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func takeAny(_ options: [UInt8]) -> Bool {
            options.contains { take($0) }
        }

        mutating func sign() -> Int? {
            if take(UInt8(ascii: "+")) { return 1 }
            if take(UInt8(ascii: "-")) { return -1 }
            return nil
        }

        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }

        /// The digits after a decimal point, as a fraction of a second (at least one digit).
        mutating func fraction() -> Double? {
            var value = 0.0
            var scale = 0.1
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                value += Double(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            return index > start ? value : nil
        }
    }
}
