import ChargEyeText
import ChargEyeAPI

/// An aligned plain-text table that fits a width: columns marked flexible give up space
/// (widest first, cut with `…`) until the table fits. Cells are sanitized; wide characters
/// count as two columns. Columns that are not flexible (ids, times) are never cut.
struct TextTable {
    struct Column {
        let title: String
        var alignRight = false
        var flexible = true
    }

    let columns: [Column]
    let rows: [[String]]

    /// The whole table, header first.
    func render(width: Int?) -> String {
        let widths = columnWidths(fitting: width)
        return ([header(widths: widths)] + lines(widths: widths)).joined(separator: "\n")
    }

    /// Column widths from the titles and these rows, shrunk to `width` when given.
    func columnWidths(fitting width: Int?) -> [Int] {
        let cells = sanitizedRows
        var widths = columns.indices.map { index in
            ([DisplayWidth.of(columns[index].title)] + cells.map { DisplayWidth.of($0[index]) }).max() ?? 0
        }
        if let width { shrink(&widths, toFit: width) }
        return widths
    }

    /// The heading line at `widths`.
    func header(widths: [Int]) -> String {
        line(columns.map(\.title), widths: widths)
    }

    /// The rows at `widths` (which may come from an earlier batch of a streamed table).
    func lines(widths: [Int]) -> [String] {
        sanitizedRows.map { line($0, widths: widths) }
    }

    private var sanitizedRows: [[String]] {
        rows.map { $0.map { TextSanitizer.singleLine($0, limit: 500) } }
    }

    private func line(_ values: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, value) in values.enumerated() {
            let column = columns[index]
            let width = column.flexible ? widths[index] : max(widths[index], DisplayWidth.of(value))
            let isLast = index == values.count - 1
            let cell = DisplayWidth.pad(value, to: width, alignRight: column.alignRight)
            parts.append(isLast && !column.alignRight ? DisplayWidth.truncate(value, to: width) : cell)
        }
        return parts.joined(separator: "  ")
    }

    private func shrink(_ widths: inout [Int], toFit total: Int) {
        let minimum = 4
        func used() -> Int { widths.reduce(0, +) + 2 * max(0, widths.count - 1) }
        while used() > total {
            let candidates = widths.indices.filter { columns[$0].flexible && widths[$0] > minimum }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { return }
            widths[widest] -= 1
        }
    }
}
