import ChargEyeText
public import ViewModels

/// Draws the help overlay: every binding from the key map, in two columns when one does not
/// fit the height.
public enum HelpOverlayView {
    public static func draw(_ help: HelpOverlay, in body: Rect, glyphs: Glyphs, into grid: inout CellGrid) {
        let layout = help.layout
        let rect = body.centered(width: layout.width, height: layout.height)
        let inner = Box.draw(rect, title: [Span(help.title, .title), Span(help.hint, .dim)], focused: true, glyphs: glyphs, into: &grid)
        let columns = layout.columns == 2
            ? [help.rows[..<layout.visibleRows], help.rows[layout.visibleRows...]]
            : [help.rows.dropFirst(help.scroll).prefix(layout.visibleRows)]
        for (column, rows) in columns.enumerated() {
            let keysWidth = layout.keysWidths[column], labelWidth = layout.labelWidths[column]
            let x = inner.x + layout.keysOffsets[column], labelX = x + keysWidth + HelpLayout.keyGap
            for (offset, row) in rows.prefix(max(0, inner.height)).enumerated() {
                let y = inner.y + offset
                grid.put(DisplayWidth.pad(row.keys, to: keysWidth, alignRight: true), x: x, y: y, role: .key, limit: keysWidth)
                let room = min(labelWidth, inner.x + inner.width - labelX)
                grid.put(DisplayWidth.truncate(row.label, to: room), x: labelX, y: y, role: .normal, limit: room)
            }
        }
    }
}
