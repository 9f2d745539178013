import ChargEyeText
public import ViewModels

/// Draws the header line: product, connection, DEMO badge, breadcrumb.
public enum HeaderView {
    public static func draw(_ header: Header, in rect: Rect, glyphs: Glyphs, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, role: .header)
        var x = rect.x
        let end = rect.x + rect.width
        x += grid.put(" \(header.product) ", x: x, y: rect.y, role: .header, limit: end - x)
        if header.isDemo { x += grid.put(" DEMO ", x: x, y: rect.y, role: .badge, limit: end - x) + 1 }
        if header.faultsOn { x += grid.put(" FAULTS ON ", x: x, y: rect.y, role: .critical, limit: end - x) + 1 }
        x += grid.put(header.connection, x: x, y: rect.y, role: .header, limit: end - x)
        x += grid.put(glyphs.separator, x: x, y: rect.y, role: .header, limit: end - x)
        let room = end - x - 1
        if room > 0 {
            grid.put(DisplayWidth.truncate(header.breadcrumb, to: room), x: x, y: rect.y, role: .header, limit: room)
        }
    }
}

/// Draws the status bar: countdown on the left, activity, key hints on the right.
public enum StatusBarView {
    public static func draw(_ bar: StatusBar, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, role: .normal)
        var x = rect.x
        let end = rect.x + rect.width
        x += grid.put(" \(bar.countdown.text) ", x: x, y: rect.y, role: bar.countdown.role, limit: end - x)
        x += 1
        if let activity = bar.activity {
            x += grid.put(activity.text, x: x, y: rect.y, role: activity.role, limit: end - x) + 2
        }
        var hints = ""
        var roles: [(Int, Int, Role)] = []
        for hint in bar.hints {
            let piece = "\(hint.key) \(hint.label)  "
            guard DisplayWidth.of(hints + piece) <= end - x else { break }
            roles.append((DisplayWidth.of(hints), DisplayWidth.of(hint.key), .key))
            hints += piece
        }
        let start = end - DisplayWidth.of(hints)
        guard start >= x else { return }
        grid.put(hints, x: start, y: rect.y, role: .dim)
        for (offset, width, role) in roles { grid.paint(x: start + offset, y: rect.y, width: width, role: role) }
    }
}

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
