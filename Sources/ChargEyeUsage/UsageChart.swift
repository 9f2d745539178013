import ChargEyeText
import Foundation

/// A usage report drawn as lines of text for a terminal of `width` x `height` cells: energy
/// per bucket as vertical bars with a value axis in kWh, sessions and utilisation as one-line
/// bars under them, the selected bucket's figures in words, one line per station when there
/// are several, and the report's notes. Marks carry the meaning, not colour: the selected
/// bucket is pointed at from below, a bar cut at the top of the axis ends in `▲` (`^`).
///
/// Narrow terminals show the latest buckets that fit (and say so); narrower than 17 columns,
/// the figures only. Every line fits `width`; numbers are never cut.
public struct UsageChart: Sendable {
    public let report: UsageReport
    /// The selected bucket's index.
    public let cursor: Int
    public let ascii: Bool

    public init(report: UsageReport, cursor: Int, ascii: Bool) {
        self.report = report
        self.cursor = max(0, min(cursor, report.buckets.count - 1))
        self.ascii = ascii
    }

    /// The chart's lines, at most `height`, each at most `width` columns.
    public func lines(width: Int, height: Int) -> [String] {
        guard width > 0, height > 0 else { return [] }
        let selected = report.buckets.isEmpty ? [] : [selectedLine(width: width)]
        let notes = report.issueNotes.map { Self.fitted($0, width: width) }
        let stationLines = report.stations.count > 1 ? stationRows(width: width) : []
        let columns = barColumns(width: width)
        // The heading, the axis (3 lines), sessions, utilisation and the selected bucket.
        let fixed = 6 + selected.count
        let withStations = height - fixed - notes.count - stationLines.count
        let barRows = min(24, withStations >= 4 ? withStations : height - fixed - notes.count)
        guard !columns.isEmpty, barRows >= 3 else {
            return Array(([heading(width: width, shown: 0)] + selected + totalsLines(width: width) + notes).prefix(height))
        }
        var lines = [heading(width: width, shown: columns.count)]
        let cell = cellWidth(columns, width: width)
        lines += energyBars(columns, rows: barRows, cell: cell)
        lines += axis(columns, cell: cell)
        lines.append(sparkline("sessions", values: columns.map { Double(report.bucketTotals[$0].sessions) }, cell: cell, width: width))
        lines.append(sparkline("util %", values: columns.map { (report.bucketTotals[$0].utilisation ?? 0) * 100 }, cell: cell, width: width))
        lines += selected
        if withStations >= 4 { lines += stationLines }
        lines += notes
        return Array(lines.prefix(height))
    }

    /// `text`'s first row at `width`, cut after a space (`TextWrap`).
    static func fitted(_ text: String, width: Int) -> String {
        TextWrap.rows(text, width: width, hanging: false).first ?? ""
    }

    // MARK: Parts

    /// Width of the value axis: the labels and the tick.
    private static let axisWidth = 9

    /// Columns per bucket: a bar and a space between bars when there is room (up to a bar of
    /// 3 and a space), else 1.
    private func cellWidth(_ columns: [Int], width: Int) -> Int {
        max(1, min(4, (width - Self.axisWidth) / max(1, columns.count)))
    }

    /// One bucket's mark drawn `cell` columns wide: the bar, then a space.
    private static func widened(_ mark: String, _ cell: Int) -> String {
        cell == 1 ? mark : String(repeating: mark, count: cell - 1) + " "
    }

    /// Which buckets get a column: all when they fit, else the latest that do (the selected
    /// one kept in view).
    private func barColumns(width: Int) -> [Int] {
        let room = width - Self.axisWidth
        guard room >= 8, !report.buckets.isEmpty else { return [] }
        let count = report.buckets.count
        guard count > room else { return Array(0..<count) }
        let end = max(room, min(count, cursor + 1))
        return Array((end - room)..<end)
    }

    private func heading(width: Int, shown: Int) -> String {
        let first = report.buckets.first?.label ?? "", last = report.buckets.last?.label ?? ""
        var text = "Energy kWh per \(report.size.rawValue), \(first) to \(last)"
        if shown > 0, shown < report.buckets.count { text += " (last \(shown) of \(report.buckets.count) shown)" }
        return Self.fitted(DisplayWidth.of(text) <= width ? text : "kWh per \(report.size.rawValue)", width: width)
    }

    private var scale: ChartScale { ChartScale(values: report.bucketTotals.map(\.energyKwh)) }

    /// The bars, top row first, each row led by its axis label.
    private func energyBars(_ columns: [Int], rows: Int, cell width: Int) -> [String] {
        let scale = scale
        return (0..<rows).reversed().map { row in
            let label: String
            switch row {
            case rows - 1: label = Self.number(scale.top)
            case (rows - 1) / 2 where rows >= 5: label = Self.number(scale.top * Double(row + 1) / Double(rows))
            default: label = ""
            }
            let tick = label.isEmpty ? (ascii ? "|" : "│") : (ascii ? "+" : "┤")
            var line = String(repeating: " ", count: max(0, Self.axisWidth - 2 - label.count)) + label + " " + tick
            for index in columns {
                line += Self.widened(cell(report.bucketTotals[index].energyKwh, row: row, rows: rows, scale: scale), width)
            }
            return line
        }
    }

    /// One cell of a bar: how much of row `row` (0 at the bottom) the value fills, in eighths.
    private func cell(_ value: Double, row: Int, rows: Int, scale: ChartScale) -> String {
        if value > scale.top, row == rows - 1 { return ascii ? "^" : "▲" }
        let eighths = Int((scale.fraction(value) * Double(rows * 8)).rounded()) - row * 8
        if eighths <= 0 {
            // Something delivered, too little to reach an eighth: a mark on the floor.
            return row == 0 && value > 0 ? (ascii ? "." : "▁") : " "
        }
        if eighths >= 8 { return ascii ? "#" : "█" }
        if ascii { return eighths >= 4 ? "#" : "." }
        return String(Self.lowerBlocks[eighths - 1])
    }

    private static let lowerBlocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇"]

    /// The zero line, the selected bucket's pointer and the buckets' labels.
    private func axis(_ columns: [Int], cell: Int) -> [String] {
        let lead = String(repeating: " ", count: Self.axisWidth - 2) + "0 " + (ascii ? "+" : "└")
        var base = lead
        var pointer = String(repeating: " ", count: Self.axisWidth)
        var labels = Array(repeating: Character(" "), count: columns.count * cell)
        for (offset, index) in columns.enumerated() {
            let position = offset * cell
            base += String(repeating: ascii ? "-" : "─", count: cell)
            pointer += (index == cursor ? (ascii ? "^" : "▲") : " ") + String(repeating: " ", count: cell - 1)
            // A label where it fits with a space after the one before.
            let label = Array(shortLabel(report.buckets[index].label))
            let clear = max(0, position - 1)..<min(labels.count, position + label.count + 1)
            if position + label.count <= labels.count, labels[clear].allSatisfy({ $0 == " " }) {
                labels.replaceSubrange(position..<(position + label.count), with: label)
            }
        }
        return [base, pointer, String(repeating: " ", count: Self.axisWidth) + String(labels)]
    }

    /// A bucket's label in the axis: the day of the month, `W45`, or the month's number.
    private func shortLabel(_ label: String) -> String {
        switch report.size {
        case .day, .month: String(label.suffix(2))
        case .week: String(label.suffix(3))
        }
    }

    /// A one-line bar per bucket (eighths of a cell), led by its name and scaled to its
    /// maximum, which follows when it fits.
    private func sparkline(_ name: String, values: [Double], cell: Int, width: Int, suffix: String? = nil) -> String {
        let top = values.max() ?? 0
        let head = name.count >= Self.axisWidth - 1 ? String(name.prefix(Self.axisWidth - 1)) : name + String(repeating: " ", count: Self.axisWidth - 1 - name.count)
        let cells = values.map { value -> String in
            guard top > 0, value > 0 else { return ascii ? "." : " " }
            let eighths = max(1, Int((value / top * 8).rounded()))
            if ascii { return eighths >= 6 ? "#" : eighths >= 3 ? "+" : "_" }
            return eighths >= 8 ? "█" : String(Self.lowerBlocks[eighths - 1])
        }
        let line = head + " " + cells.map { Self.widened($0, cell) }.joined()
        let end = suffix ?? "  max \(Self.number(top))"
        return DisplayWidth.of(line) + end.count <= width ? line + end : line
    }

    /// The selected bucket in words.
    private func selectedLine(width: Int) -> String {
        Self.describe(report.buckets[cursor].label, report.bucketTotals[cursor], width: width)
    }

    /// A bucket's (or a total's) figures in words, as many whole parts as fit `width`.
    static func describe(_ label: String, _ figures: UsageFigures, width: Int) -> String {
        var parts = ["\(label): \(number(figures.energyKwh, decimals: 1)) kWh", "\(figures.sessions) sessions",
                     "\(number(figures.occupiedSeconds / 3600, decimals: 1)) h occupied"]
        if let utilisation = figures.utilisation { parts.append("\(number(utilisation * 100, decimals: 1)) % used") }
        if let peak = figures.peakKw { parts.append("peak \(number(peak, decimals: 0)) kW") }
        var line = ""
        for part in parts {
            let next = line.isEmpty ? part : line + ", " + part
            guard DisplayWidth.of(next) <= width else { break }
            line = next
        }
        return line
    }

    /// Without room for bars: the period's totals, and each station's.
    private func totalsLines(width: Int) -> [String] {
        let stations = report.stations.count > 1 ? report.stations : []
        return [Self.describe("total", report.total, width: width)]
            + stations.map { Self.describe(TextSanitizer.singleLine($0.stationId, limit: 40), $0.total, width: width) }
    }

    /// One line per station: its id, a one-line bar per bucket of its energy, its total.
    private func stationRows(width: Int) -> [String] {
        let columns = barColumns(width: width)
        let idWidth = Self.axisWidth - 1
        return report.stations.map { station in
            var id = TextSanitizer.singleLine(station.stationId, limit: 60)
            // The distinctive end of an id ("…S01"), where ids share a long prefix.
            if DisplayWidth.of(id) > idWidth { id = (ascii ? "~" : "…") + String(id.suffix(idWidth - 1)) }
            let values = columns.map { station.buckets[$0].energyKwh }
            return sparkline(id, values: values, cell: cellWidth(columns, width: width), width: width, suffix: "  \(Self.number(station.total.energyKwh, decimals: 0)) kWh")
        }
    }

    /// A value as the axis and figures print it: whole above 100, else one decimal; 12.3k
    /// for tens of thousands and more.
    static func number(_ value: Double, decimals: Int? = nil) -> String {
        guard value.isFinite else { return "?" }
        if let decimals { return String(format: "%.\(decimals)f", value) }
        if abs(value) >= 10_000 { return String(format: "%.0fk", value / 1000) }
        if abs(value) >= 100 || value == value.rounded() { return String(format: "%.0f", value) }
        return String(format: "%.1f", value)
    }
}
