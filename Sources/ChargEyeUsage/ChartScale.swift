import ChargEyeText

/// The top of a chart's value axis: the largest value, unless some values dwarf the rest (a
/// bad reading, a test session of 1e9 kWh; more than 4 times the upper quartile): then the
/// largest of the others, so their bars stay readable and the outliers are drawn clipped,
/// with their numbers beside.
/// Rounded up to a round number (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten)
/// for the axis label, so the largest bar fills most of the height.
public struct ChartScale: Sendable, Equatable {
    /// The value a full bar stands for.
    public let top: Double
    /// True when some values are above `top` (their bars are drawn clipped).
    public let clips: Bool

    public init(values: [Double]) {
        let positive = values.filter { $0.isFinite && $0 > 0 }.sorted()
        guard let largest = positive.last else {
            top = 1
            clips = false
            return
        }
        let upperQuartile = positive[Int((Double(positive.count) * 0.75).rounded(.up)) - 1]
        let limit = positive.count >= 4 ? positive.last { $0 <= 4 * upperQuartile } ?? largest : largest
        top = Self.nice(limit)
        clips = largest > top
    }

    /// The smallest round number (see above) that is at least `value`.
    static func nice(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for step in [1.0, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] where step * power >= value * (1 - 1e-12) {
            return step * power
        }
        return 10 * power
    }

    /// `value` as a share of the axis, 0...1 (clipped).
    public func fraction(_ value: Double) -> Double {
        guard value.isFinite, value > 0 else { return 0 }
        return min(1, value / top)
    }
}

/// A horizontal bar in text, in eighths of a cell (see `BlockFill`); a clipped bar ends in
/// `▶` (`>`), and a value too small for an eighth still shows as `▏` (`.`).
public enum TextBar {
    public static func render(_ value: Double, scale: ChartScale, width: Int, ascii: Bool) -> String {
        guard width > 0 else { return "" }
        if value > scale.top {
            return String(repeating: ascii ? "#" : "█", count: width - 1) + (ascii ? ">" : "▶")
        }
        let bar = BlockFill.cells(scale.fraction(value), width: width, ascii: ascii)
        if bar.isEmpty, value > 0 { return ascii ? "." : "▏" }  // something there, too small to show
        return bar
    }
}
