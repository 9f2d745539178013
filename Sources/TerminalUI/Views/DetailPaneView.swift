import ChargEyeText
public import ViewModels

/// Draws the detail pane: labels in a column, values beside them, section headings.
public enum DetailPaneView {
    public static func draw(_ pane: DetailPane, in rect: Rect, glyphs: Glyphs, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let inner = Box.draw(rect, title: [Span(pane.title, .title)], focused: pane.isFocused, glyphs: glyphs, into: &grid)
        guard inner.height >= 1, inner.width >= 4 else { return }
        let labelWidth = min(16, max(6, inner.width / 3), pane.lines.map { DisplayWidth.of($0.label) }.max() ?? 0)
        // The view-model stops the scroll where the last line shows.
        let visible = pane.lines.dropFirst(pane.scroll).prefix(inner.height)
        for (offset, line) in visible.enumerated() {
            let y = inner.y + offset
            let valueX = inner.x + labelWidth + 1
            if let gauge = line.gauge {
                GaugeView.draw(gauge, x: valueX, y: y, width: inner.width - labelWidth - 1, ascii: glyphs.isASCII, into: &grid)
                continue
            }
            if line.label.isEmpty {
                grid.put(line.value, x: inner.x, y: y, role: line.role, limit: inner.width)
                continue
            }
            grid.put(DisplayWidth.pad(line.label, to: labelWidth, alignRight: true), x: inner.x, y: y, role: .dim, limit: labelWidth)
            grid.put(DisplayWidth.truncate(line.value, to: inner.width - labelWidth - 1), x: valueX, y: y, role: line.role, limit: inner.width - labelWidth - 1)
        }
        if pane.lines.count > inner.height {
            let more = "\(min(pane.scroll + inner.height, pane.lines.count))/\(pane.lines.count)"
            grid.put(" \(more) ", x: rect.x + rect.width - DisplayWidth.of(more) - 4, y: rect.y + rect.height - 1, role: .dim)
        }
    }
}
