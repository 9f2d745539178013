import ChargEyeAPI
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

/// Draws the help overlay: every binding from the key map.
public enum HelpOverlayView {
    public static func draw(_ help: HelpOverlay, in body: Rect, glyphs: Glyphs, into grid: inout CellGrid) {
        let keysWidth = min(24, help.rows.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let labelWidth = help.rows.map { DisplayWidth.of($0.label) }.max() ?? 0
        let rect = body.centered(width: keysWidth + labelWidth + 7, height: help.rows.count + 4)
        let inner = Box.draw(rect, title: [Span(help.title, .title), Span("any key closes", .dim)], focused: true, glyphs: glyphs, into: &grid)
        for (offset, row) in help.rows.prefix(max(0, inner.height - 1)).enumerated() {
            grid.put(DisplayWidth.pad(row.keys, to: keysWidth, alignRight: true), x: inner.x + 1, y: inner.y + offset + 1, role: .key, limit: keysWidth)
            grid.put(row.label, x: inner.x + keysWidth + 3, y: inner.y + offset + 1, role: .normal, limit: inner.width - keysWidth - 3)
        }
    }
}

/// Draws the raw GET console over the body.
public enum ConsoleView {
    public static func draw(_ console: ConsolePane, in body: Rect, glyphs: Glyphs, into grid: inout CellGrid) {
        let inner = Box.draw(body, title: [Span("GET console", .title), Span("Esc closes", .dim)], focused: true, glyphs: glyphs, into: &grid)
        guard inner.height >= 3 else { return }
        let prompt = console.prompt.map { ": \($0)_" } ?? ": (press : for a new request)"
        grid.put(prompt, x: inner.x, y: inner.y, role: console.prompt == nil ? .dim : .accent, limit: inner.width)
        if let status = console.status { grid.put(status.text, x: inner.x, y: inner.y + 1, role: status.role, limit: inner.width) }
        let top = inner.y + 2
        for (offset, line) in console.lines.dropFirst(console.scroll).prefix(inner.height - 2).enumerated() {
            grid.put(TextSanitizer.clean(line).replacingOccurrences(of: "\t", with: "  "), x: inner.x, y: top + offset, role: .normal, limit: inner.width)
        }
    }
}
