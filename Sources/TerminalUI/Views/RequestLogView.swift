import ChargEyeText
public import ViewModels

/// Draws the request log over the body: a table of recent calls, or one call in full.
public enum RequestLogView {
    /// Draws the log in `body`, its rows in `rows` (the layout's `requestLogRows`).
    public static func draw(_ pane: RequestLogPane, in body: Rect, rows: Rect, glyphs: Glyphs, into grid: inout CellGrid) {
        let inner = Box.draw(body, title: [Span(pane.title, .title), Span(pane.closeHint, .dim)], focused: true, glyphs: glyphs, into: &grid)
        guard inner.height >= 2, inner.width >= 10 else { return }
        if let detail = pane.detail {
            for (offset, line) in detail.prefix(inner.height).enumerated() {
                let text = line.label.isEmpty ? line.value : DisplayWidth.pad(line.label, to: RequestLogPane.detailLabelWidth, alignRight: true) + " " + line.value
                grid.put(DisplayWidth.truncate(text, to: inner.width), x: inner.x, y: inner.y + offset, role: line.role, limit: inner.width)
            }
            return
        }
        let widths = pane.columnWidths
        func line(_ cells: [String], y: Int, role: Role) {
            var x = inner.x
            let end = inner.x + inner.width
            // Columns that do not fit a narrow log are cut at its frame, not drawn over it.
            for (index, cell) in cells.enumerated() where index < widths.count && x < end {
                let right = RequestLogPane.rightAligned.contains(index)
                grid.put(DisplayWidth.pad(cell, to: widths[index], alignRight: right), x: x, y: y, role: role, limit: min(widths[index], end - x))
                x += widths[index] + 1
            }
        }
        line(pane.columns, y: inner.y, role: .header)
        grid.paint(x: inner.x, y: inner.y, width: inner.width, role: .header)
        let visibleRows = rows.height
        guard visibleRows > 0 else { return }
        if pane.rows.isEmpty {
            grid.put("no requests yet", x: rows.x, y: rows.y, role: .dim, limit: rows.width)
            return
        }
        let first = max(0, min(pane.selected - visibleRows + 1, pane.rows.count - visibleRows))
        for (offset, index) in (first..<min(pane.rows.count, first + visibleRows)).enumerated() {
            let y = rows.y + offset
            line(pane.rows[index], y: y, role: index == pane.selected ? .selected : pane.roles[index])
            if index == pane.selected { grid.paint(x: inner.x, y: y, width: inner.width, role: .selected) }
        }
    }
}
