import ChargEyeText
public import ViewModels

/// Draws the usage chart over the body: its status line, then the chart's lines as the
/// view-model laid them out for this size.
public enum UsageChartView {
    public static func draw(_ chart: UsageChartPane, in body: Rect, glyphs: Glyphs, into grid: inout CellGrid) {
        let inner = Box.draw(body, title: [Span(chart.title, .title), Span(chart.closeHint, .dim)], focused: true, glyphs: glyphs, into: &grid)
        guard inner.height >= 1, inner.width >= 1 else { return }
        if let status = chart.status {
            grid.put(DisplayWidth.truncate(status.text, to: inner.width), x: inner.x, y: inner.y, role: status.role, limit: inner.width)
        }
        for (offset, line) in chart.lines.prefix(inner.height - 1).enumerated() {
            grid.put(line, x: inner.x, y: inner.y + 1 + offset, role: .normal, limit: inner.width)
        }
    }
}
