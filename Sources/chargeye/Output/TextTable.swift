import ChargEyeAPI

/// An aligned plain-text table that fits a width: columns marked flexible give up space
/// (widest first, cut with `…`) until the table fits. Cells are sanitized; wide characters
/// count as two columns.
struct TextTable {
    struct Column {
        let title: String
        var alignRight = false
        var flexible = true
    }

    let columns: [Column]
    let rows: [[String]]

    func render(width: Int?) -> String {
        let cells = rows.map { $0.map { TextSanitizer.singleLine($0, limit: 500) } }
        var widths = columns.indices.map { index in
            ([DisplayWidth.of(columns[index].title)] + cells.map { DisplayWidth.of($0[index]) }).max() ?? 0
        }
        if let width { shrink(&widths, toFit: width) }
        let header = line(columns.map(\.title), widths: widths)
        return ([header] + cells.map { line($0, widths: widths) }).joined(separator: "\n")
    }

    private func line(_ values: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, value) in values.enumerated() {
            let isLast = index == values.count - 1
            let cell = DisplayWidth.pad(value, to: widths[index], alignRight: columns[index].alignRight)
            parts.append(isLast && !columns[index].alignRight ? DisplayWidth.truncate(value, to: widths[index]) : cell)
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
