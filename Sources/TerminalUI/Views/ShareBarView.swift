public import ViewModels

/// Draws the roll-up line's proportional bar: the scope's connectors by kind of status, worst
/// first, each kind with its own mark so the bar reads without colour: `█` faulted, `▓` needing
/// attention, `▒` in use, `░` available (ASCII `X`, `!`, `=`, `.`). A kind with any connectors
/// keeps at least one cell, so one fault among thousands still shows.
public enum ShareBarView {
    /// The narrowest bar worth drawing, and the widest.
    public static let widths = 6...20

    public static func draw(_ shares: [FleetSummary.Share], x: Int, y: Int, width: Int, ascii: Bool, into grid: inout CellGrid) {
        var column = x
        for (share, cells) in zip(shares, cells(shares.map(\.count), width: width)) where cells > 0 {
            let (mark, role) = look(share.kind, ascii: ascii)
            column += grid.put(String(repeating: mark, count: cells), x: column, y: y, role: role)
        }
    }

    private static func look(_ kind: FleetSummary.ShareKind, ascii: Bool) -> (Character, Role) {
        switch kind {
        case .fault: (ascii ? "X" : "█", .critical)
        case .attention: (ascii ? "!" : "▓", .warning)
        case .inUse: (ascii ? "=" : "▒", .ok)
        case .free: (ascii ? "." : "░", .dim)
        }
    }

    /// Cells for each count, `width` in all (when any count is positive): in proportion, by
    /// largest remainder, with at least one cell for every positive count while the width
    /// allows, taken from the largest.
    static func cells(_ counts: [Int], width: Int) -> [Int] {
        let total = counts.reduce(0, +)
        guard total > 0, width > 0 else { return counts.map { _ in 0 } }
        let ideal = counts.map { Double($0) / Double(total) * Double(width) }
        var cells = ideal.map { Int($0) }
        var left = width - cells.reduce(0, +)
        // Largest remainders first; ties to the worse (earlier) kind.
        for index in counts.indices.sorted(by: { (ideal[$0] - Double(cells[$0]), -$0) > (ideal[$1] - Double(cells[$1]), -$1) }) where left > 0 {
            cells[index] += 1
            left -= 1
        }
        for index in counts.indices where counts[index] > 0 && cells[index] == 0 {
            guard let donor = cells.indices.filter({ cells[$0] > 1 }).max(by: { cells[$0] < cells[$1] }) else { break }
            cells[donor] -= 1
            cells[index] = 1
        }
        return cells
    }
}
