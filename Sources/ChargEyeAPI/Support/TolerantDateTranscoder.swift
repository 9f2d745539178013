public import Foundation
public import OpenAPIRuntime

/// Reads RFC 3339 timestamps in every form the standard allows, and without a zone (then UTC,
/// as ChargEye's own data is UTC); writes them as ChargEye does: UTC, milliseconds, `Z`.
public struct TolerantDateTranscoder: DateTranscoder {
    /// Creates the transcoder.
    public init() {}

    /// Encodes a date as `2025-03-04T05:12:40.118Z`, to the nearest millisecond (`RFC3339`;
    /// Foundation's formatter for years past 9999, which truncates, hence the nudge).
    public func encode(_ date: Date) throws -> String {
        if let text = RFC3339.format(date) { return text }
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        return Date(timeIntervalSince1970: milliseconds / 1000 + 0.0002).formatted(Self.withFraction)
    }

    /// Decodes any of the timestamp shapes seen in ChargEye data.
    public func decode(_ string: String) throws -> Date {
        guard let date = Self.parse(string) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [],
                debugDescription: "Expected an ISO 8601 timestamp, found \"\(string.prefix(40))\""
            ))
        }
        return date
    }

    /// Parses a timestamp (any RFC 3339 form, or none of a zone), or returns nil.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// `parse` for the timestamp whose UTF-8 is `bytes`.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        // Foundation's trimming is most of the cost of a timestamp: skipped when the ends are
        // visible ASCII, as they are in every timestamp ChargEye sends.
        if let first = bytes.first, let last = bytes.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return RFC3339.parse(bytes: bytes)
        }
        return RFC3339.parse(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces))
    }

    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
