import ChargEyeText
public import ViewModels

/// Draws the raw GET console over the body.
public enum ConsoleView {
    /// Draws the console over the body, in the rows the layout gives it.
    public static func draw(_ console: ConsolePane, layout: Layout, glyphs: Glyphs, into grid: inout CellGrid) {
        let inner = Box.draw(layout.body, title: [Span("GET console", .title), Span(console.closeHint, .dim)], focused: true, glyphs: glyphs, into: &grid)
        let (promptRow, statusRow, text) = (layout.consolePrompt, layout.consoleStatus, layout.consoleText)
        guard inner.height >= 3 else { return }
        let prompt = console.prompt.map { ": \($0)_" } ?? ": (\(console.newRequestHint))"
        grid.put(tail(of: prompt, width: promptRow.width, glyphs: glyphs), x: promptRow.x, y: promptRow.y, role: console.prompt == nil ? .dim : .accent, limit: promptRow.width)
        if let status = console.status {
            grid.put(DisplayWidth.truncate(status.text, to: statusRow.width), x: statusRow.x, y: statusRow.y, role: status.role, limit: statusRow.width)
        }
        // The rows come wrapped to this width from the view-model.
        for (offset, line) in console.lines.dropFirst(console.scroll).prefix(text.height).enumerated() {
            grid.put(TextSanitizer.clean(line), x: text.x, y: text.y + offset, role: .normal, limit: text.width)
        }
    }

    /// The end of a prompt too long for the line (where the typing happens), marked as cut.
    private static func tail(of text: String, width: Int, glyphs: Glyphs) -> String {
        guard DisplayWidth.of(text) > width, width > 1 else { return text }
        var kept = ""
        for character in text.reversed() {
            guard DisplayWidth.of(kept) + DisplayWidth.of(character) < width else { break }
            kept.insert(character, at: kept.startIndex)
        }
        return glyphs.ellipsis + kept
    }
}
