import ChargEyeText
public import ViewModels

/// Draws the error pane over the data, which stays visible around it.
public enum ErrorPaneView {
    public static func draw(_ pane: ErrorPane, layout: Layout, glyphs: Glyphs, into grid: inout CellGrid) {
        let textWidth = layout.errorTextWidth
        guard textWidth > 4 else { return }
        var lines: [Span] = []
        for span in pane.lines {
            lines += TextWrap.rows(span.text, width: textWidth, hanging: false).map { Span($0, span.role) }
        }
        let (frame, text, keys) = layout.errorPane(textRows: lines.count)
        Box.draw(frame, title: [Span(pane.title, .critical)], focused: true, glyphs: glyphs, into: &grid)
        for (offset, line) in lines.prefix(max(0, text.height)).enumerated() {
            grid.put(line.text, x: text.x, y: text.y + offset, role: line.role, limit: text.width)
        }
        if !keys.isEmpty {
            grid.put(DisplayWidth.truncate(pane.keys, to: keys.width), x: keys.x, y: keys.y, role: .key, limit: keys.width)
        }
        grid.paint(x: frame.x, y: frame.y, width: 1, role: .critical)
    }
}
