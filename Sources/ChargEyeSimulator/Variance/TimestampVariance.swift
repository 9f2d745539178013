import ChargEyeAPI
import Foundation

/// Rewrites some of an answer's `2025-03-04T05:12:40.118Z` timestamps the way other sources
/// write the same instant: without a zone (`2025-03-04T05:12:40.118`, read as UTC) or with an
/// offset (`2025-03-04T07:12:40.118+02:00`). Which one follows from the timestamp's own digits,
/// so a value is always written the same way.
enum TimestampVariance {
    private static let length = 24
    private static let twoHoursEast = Date.ISO8601FormatStyle(
        timeZoneSeparator: .colon, includingFractionalSeconds: true, timeZone: TimeZone(secondsFromGMT: 7200)!
    )

    static func apply(to bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 50)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\""), index + length + 1 < bytes.count, bytes[index + length + 1] == UInt8(ascii: "\""),
                index == 0 || bytes[index - 1] != UInt8(ascii: "\\"), isTimestamp(bytes[index + 1...index + length]) {
                let text = Array(bytes[index + 1...index + length])
                out.append(UInt8(ascii: "\""))
                out += rewritten(text)
                out.append(UInt8(ascii: "\""))
                index += length + 2
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }

    private static func rewritten(_ text: [UInt8]) -> [UInt8] {
        let digits = text.reduce(UInt64(0)) { $0 &* 31 &+ UInt64($1) }
        switch digits % 12 {
        case 0, 1: return Array(text.dropLast())
        case 2:
            guard let date = RFC3339.parse(String(decoding: text, as: UTF8.self)) else { return text }
            // To the same millisecond: the formatter truncates, and `.118` is a hair below itself.
            let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
            return Array(Date(timeIntervalSince1970: milliseconds / 1000 + 0.0002).formatted(twoHoursEast).utf8)
        default: return text
        }
    }

    /// `dddd-dd-ddTdd:dd:dd.dddZ`.
    private static func isTimestamp(_ text: ArraySlice<UInt8>) -> Bool {
        let shape = Array("0000-00-00T00:00:00.000Z".utf8)
        return zip(text, shape).allSatisfy { byte, expected in
            expected == UInt8(ascii: "0") ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) : byte == expected
        }
    }
}
