public import Foundation
public import OpenAPIRuntime

/// Reads ISO 8601 timestamps with or without fractional seconds and with or without a zone
/// (no zone means UTC, as ChargEye's own data is UTC); writes them as ChargEye does:
/// UTC, milliseconds, `Z` suffix.
public struct TolerantDateTranscoder: DateTranscoder {
    /// Creates the transcoder.
    public init() {}

    /// Encodes a date as `2025-03-04T05:12:40.118Z`.
    public func encode(_ date: Date) throws -> String {
        date.formatted(Self.withFraction)
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

    /// Parses a timestamp, or returns nil.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let zoned = hasZone(trimmed) ? trimmed : trimmed + "Z"
        return (try? withFraction.parse(zoned)) ?? (try? withoutFraction.parse(zoned))
    }

    private static func hasZone(_ text: String) -> Bool {
        guard let timeStart = text.firstIndex(of: "T") else { return true }
        let time = text[timeStart...]
        return time.hasSuffix("Z") || time.hasSuffix("z") || time.contains("+") || time.dropFirst().contains("-")
    }

    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let withoutFraction = Date.ISO8601FormatStyle()
}
