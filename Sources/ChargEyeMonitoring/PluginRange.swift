/// A threshold in the Monitoring Plugins range syntax
/// (https://www.monitoring-plugins.org/doc/guidelines.html#THRESHOLDFORMAT):
///
/// | range    | alert when the value is        |
/// |----------|--------------------------------|
/// | `10`     | < 0 or > 10                    |
/// | `10:`    | < 10                           |
/// | `~:10`   | > 10                           |
/// | `10:20`  | < 10 or > 20                   |
/// | `@10:20` | ≥ 10 and ≤ 20 (inside)         |
///
/// chargeye adds one thing: a range whose numbers end in `%` (`5%`, `~:20%`) compares the
/// value as a percentage of its total (offline stations of all stations).
public struct PluginRange: Equatable, Sendable, CustomStringConvertible {
    /// Lower end; nil for -∞ (`~`).
    public var start: Double?
    /// Upper end; nil for +∞.
    public var end: Double?
    /// Alert inside the range instead of outside (`@`).
    public var inside: Bool
    /// The numbers are percentages of the total.
    public var isPercent: Bool

    /// Parses `text`; throws a message naming what is wrong.
    public init(_ text: String) throws(RangeError) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { throw RangeError("an empty range") }
        inside = rest.first == "@"
        if inside { rest = rest.dropFirst() }
        let percentSigns = rest.filter { $0 == "%" }.count
        let numberCount = rest.split(separator: ":", omittingEmptySubsequences: true).filter { $0 != "~" }.count
        guard percentSigns == 0 || percentSigns == numberCount else {
            throw RangeError("\"\(text)\" mixes percentages and counts; put % after every number or none")
        }
        isPercent = percentSigns > 0
        rest = Substring(rest.replacingOccurrences(of: "%", with: ""))
        let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        func number(_ part: Substring) throws(RangeError) -> Double {
            guard let value = Double(part), value.isFinite, !part.contains(where: { $0.isLetter }) else {
                throw RangeError("\"\(text)\" is not a range: \"\(part)\" is not a number")
            }
            return value
        }
        if parts.count == 1 {
            start = 0
            end = try number(parts[0])
        } else {
            start = parts[0] == "~" ? nil : parts[0].isEmpty ? 0 : try number(parts[0])
            end = parts[1].isEmpty ? nil : try number(parts[1])
        }
        if let start, let end, start > end {
            throw RangeError("\"\(text)\" starts above its end (\(Self.format(start)) > \(Self.format(end)))")
        }
        if isPercent, [start, end].contains(where: { $0.map { $0 < 0 || $0 > 100 } ?? false }) {
            throw RangeError("\"\(text)\": percentages run from 0% to 100%")
        }
    }

    /// Creates a range from its parts.
    public init(start: Double?, end: Double?, inside: Bool = false, isPercent: Bool = false) {
        self.start = start
        self.end = end
        self.inside = inside
        self.isPercent = isPercent
    }

    /// Whether `value` raises the alert.
    public func alerts(_ value: Double) -> Bool {
        let within = (start.map { value >= $0 } ?? true) && (end.map { value <= $0 } ?? true)
        return inside ? within : !within
    }

    /// Whether `count` of `total` raises the alert (as a percentage when the range is one; a
    /// percentage of nothing never alerts, matching its thresholds in counts, which are all 0).
    public func alerts(count: Int, of total: Int) -> Bool {
        guard isPercent else { return alerts(Double(count)) }
        return total > 0 && alerts(Double(count) * 100 / Double(total))
    }

    /// The range in counts of `total` (percent ranges converted), for performance data, which
    /// must share the value's unit.
    public func inCounts(of total: Int) -> PluginRange {
        guard isPercent else { return self }
        let scale = { (value: Double?) in value.map { ($0 * Double(total) / 100 * 100).rounded() / 100 } }
        return PluginRange(start: scale(start), end: scale(end), inside: inside)
    }

    /// The range in the plugin syntax, shortest form.
    public var description: String {
        let unit = isPercent ? "%" : ""
        let low = start.map { Self.format($0) + unit } ?? "~"
        let high = end.map { Self.format($0) + unit } ?? ""
        let body = start == 0 && end != nil ? high : "\(low):\(high)"
        return (inside ? "@" : "") + body
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// A range that does not parse.
public struct RangeError: Error, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
