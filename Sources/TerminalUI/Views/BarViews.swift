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
