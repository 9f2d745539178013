import ChargEyeText
import ViewModels

/// Pane frames: a border with a title on the top edge and, optionally, a footer on the bottom one.
enum Box {
    /// Draws a frame around `rect` and returns the area inside it.
    @discardableResult
    static func draw(
        _ rect: Rect, title: [Span], footer: Span? = nil, focused: Bool, glyphs: Glyphs, into grid: inout CellGrid,
        clear: Bool = true
    ) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        if clear { grid.fill(rect, role: .normal) }
        let border: Role = focused ? .accent : .border
        let right = rect.x + rect.width - 1, bottom = rect.y + rect.height - 1
        let line = String(repeating: glyphs.horizontal, count: rect.width - 2)
        grid.put(String(glyphs.topLeft) + line + String(glyphs.topRight), x: rect.x, y: rect.y, role: border)
        grid.put(String(glyphs.bottomLeft) + line + String(glyphs.bottomRight), x: rect.x, y: bottom, role: border)
        for row in rect.y + 1..<bottom {
            grid.put(String(glyphs.vertical), x: rect.x, y: row, role: border)
            grid.put(String(glyphs.vertical), x: right, y: row, role: border)
        }
        var column = rect.x + 2
        let limit = rect.x + rect.width - 2
        for (index, span) in title.enumerated() where column < limit {
            let text = DisplayWidth.truncate(index == 0 ? " \(span.text) " : "\(span.text) ", to: limit - column)
            column += grid.put(text, x: column, y: rect.y, role: index == 0 && focused ? .title : span.role, limit: limit - column)
        }
        if let footer, limit > rect.x + 2 {
            let room = limit - rect.x - 2
            grid.put(DisplayWidth.truncate(" \(footer.text) ", to: room), x: rect.x + 2, y: bottom, role: footer.role, limit: room)
        }
        return Layout.insideFrame(of: rect)
    }
}
