import ChargEyeText
public import ViewModels

/// Draws the list pane: frame with title, position and badges; column headings; rows.
public enum ListPaneView {
    public static func draw(_ pane: ListPane, summary: FleetSummary? = nil, in rect: Rect, glyphs: Glyphs, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        // The position is plain text: it changes with every move, and plain costs no attribute bytes.
        let title = [Span(pane.title, .title), Span(pane.position, .normal)] + pane.badges
        let outer = Box.draw(rect, title: title, footer: pane.footer, focused: pane.isFocused, glyphs: glyphs, into: &grid)
        guard outer.height >= 2, outer.width >= 1 else { return }
        drawSummary(summary, at: outer.x, y: outer.y, width: outer.width, glyphs: glyphs, into: &grid)
        let items = Layout.listItems(in: rect, filtering: pane.filterPrompt != nil)
        let inner = Rect(x: outer.x, y: items.y - 1, width: outer.width, height: items.height + 1)
        let widths = columnWidths(pane, available: inner.width)
        var column = inner.x
        for (index, heading) in pane.columns.enumerated() where widths[index] > 0 {
            grid.put(DisplayWidth.pad(heading.title, to: widths[index], alignRight: heading.alignRight), x: column, y: inner.y, role: .header, limit: widths[index])
            column += widths[index] + 1
        }
        grid.paint(x: inner.x, y: inner.y, width: inner.width, role: .header)
        let rowsTop = items.y
        let rowsHeight = items.height
        if let empty = pane.emptyText, pane.rows.isEmpty, rowsHeight > 0 {
            // Wrapped and centred; a narrow pane keeps the first lines whole rather than cutting one.
            let lines = TextWrap.rows(empty, width: inner.width, hanging: false).prefix(rowsHeight)
            for (offset, line) in lines.enumerated() {
                let text = DisplayWidth.truncate(line, to: inner.width)
                let y = rowsTop + max(0, (rowsHeight - lines.count) / 2) + offset
                grid.put(text, x: inner.x + max(0, (inner.width - DisplayWidth.of(text)) / 2), y: y, role: .dim)
            }
        }
        for (offset, row) in pane.rows.prefix(max(0, rowsHeight)).enumerated() {
            let y = rowsTop + offset
            var x = inner.x
            var textEnd = inner.x
            for (index, cell) in row.cells.enumerated() where index < widths.count && widths[index] > 0 {
                let alignRight = pane.columns[index].alignRight
                let text = DisplayWidth.pad(cell, to: widths[index], alignRight: alignRight)
                grid.put(text, x: x, y: y, role: row.isSelected ? .selected : row.role, limit: widths[index])
                let shown = min(widths[index], DisplayWidth.of(cell))
                if shown > 0 { textEnd = alignRight ? x + widths[index] : x + shown }
                x += widths[index] + 1
            }
            if row.isSelected {
                // The bar ends with the row's last text: the blank after it would cost bytes on
                // every move (rewritten twice) and show nothing.
                grid.paint(x: inner.x, y: y, width: textEnd - inner.x, role: pane.isFocused ? .selected : .selectedDim)
                grid.paint(x: textEnd, y: y, width: inner.x + inner.width - textEnd, role: .normal)
            }
        }
        if let prompt = pane.filterPrompt {
            let y = items.y + items.height
            grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .normal)
            let used = grid.put("/" + prompt, x: inner.x, y: y, role: .accent, limit: inner.width - 1)
            grid.put("_", x: inner.x + used, y: y, role: .accent)
        }
    }

    /// The roll-up line: counts, the active facet reversed, then the proportional bar at the
    /// right end. What gives way when it does not fit, in turn: the healthy counts (the bar
    /// shows their share), the long words (for short ones: "3 flt"), the bar, the totals'
    /// numbers ("st 1 flt · conn 2 unav"), then the last counts, whole, with a mark that some
    /// are left out; trouble stays visible longest.
    private static func drawSummary(_ summary: FleetSummary?, at x: Int, y: Int, width: Int, glyphs: Glyphs, into grid: inout CellGrid) {
        guard let summary else { return }
        let barRoom = summary.shares.isEmpty ? 0 : ShareBarView.widths.lowerBound + 1
        let troubleOnly = summary.segments.filter { $0.isGroup || $0.isActive || ($0.role != .ok && $0.role != .normal) }
        let forms: [(segments: [FleetSummary.Segment], form: SummaryForm, bar: Bool)] = [
            (summary.segments, .long, true), (troubleOnly, .long, true), (troubleOnly, .short, true), (troubleOnly, .short, false),
        ]
        let chosen = forms.first { summaryWidth(summary.scope, $0.segments, $0.form, glyphs) + ($0.bar ? barRoom : 0) <= width }
            ?? (troubleOnly, .wordsOnly, false)
        let segments = chosen.segments
        var column = x
        let end = x + width
        column += grid.put(summary.scope, x: column, y: y, role: .dim, limit: end - column)
        let pieces = segments.indices.map { (separator(segments, $0, chosen.form, glyphs), text(segments[$0], chosen.form)) }
        let widths = pieces.map { DisplayWidth.of($0.0) + DisplayWidth.of($0.1) }
        for index in segments.indices {
            // Never cut mid-number: when the rest does not fit, counts are left out whole, and marked.
            let mark = column + widths[index...].reduce(0, +) <= end ? 0 : DisplayWidth.of(glyphs.ellipsis)
            guard column + widths[index] + mark <= end else {
                if column + DisplayWidth.of(glyphs.ellipsis) <= end { column += grid.put(glyphs.ellipsis, x: column, y: y, role: .dim) }
                break
            }
            column += grid.put(pieces[index].0, x: column, y: y, role: .dim)
            column += grid.put(pieces[index].1, x: column, y: y, role: segments[index].isActive ? .selected : segments[index].role)
        }
        let barWidth = min(ShareBarView.widths.upperBound, end - column - 1)
        if chosen.bar, !summary.shares.isEmpty, barWidth >= ShareBarView.widths.lowerBound {
            ShareBarView.draw(summary.shares, x: end - barWidth, y: y, width: barWidth, ascii: glyphs.isASCII, into: &grid)
        }
    }

    /// How the roll-up's counts are worded, from the widest to the narrowest.
    private enum SummaryForm {
        /// "5 stations: 1 Faulted"
        case long
        /// "5 st 1 flt"
        case short
        /// "st 1 flt"
        case wordsOnly
    }

    private static func text(_ segment: FleetSummary.Segment, _ form: SummaryForm) -> String {
        switch form {
        case .long: segment.text
        case .short: segment.shortText
        case .wordsOnly: segment.isGroup ? segment.word : segment.shortText
        }
    }

    /// "Location · 5 stations: 1 Faulted · 22 connectors: 8 Charging, 10 Available", or in
    /// short "Location · 5 st 1 flt · 22 conn 8 chg 10 free".
    private static func separator(_ segments: [FleetSummary.Segment], _ index: Int, _ form: SummaryForm, _ glyphs: Glyphs) -> String {
        if index == 0 || segments[index].isGroup { return glyphs.separator }
        if form != .long { return " " }
        return segments[index - 1].isGroup ? ": " : ", "
    }

    /// The width of `scope` and `segments`, separators included.
    private static func summaryWidth(_ scope: String, _ segments: [FleetSummary.Segment], _ form: SummaryForm, _ glyphs: Glyphs) -> Int {
        DisplayWidth.of(scope) + segments.indices.reduce(0) { total, index in
            total + DisplayWidth.of(separator(segments, index, form, glyphs)) + DisplayWidth.of(text(segments[index], form))
        }
    }

    /// Column widths: natural widths when they fit; otherwise flexible columns shrink, right to
    /// left, to their minimum; columns that still do not fit get width 0.
    static func columnWidths(_ pane: ListPane, available: Int) -> [Int] {
        var widths = pane.columns.enumerated().map { index, column in
            max(DisplayWidth.of(column.title), pane.rows.map { index < $0.cells.count ? DisplayWidth.of($0.cells[index]) : 0 }.max() ?? 0, column.flexible ? 0 : column.minWidth)
        }
        func total() -> Int { widths.filter { $0 > 0 }.reduce(0, +) + max(0, widths.filter { $0 > 0 }.count - 1) }
        // The rightmost flexible column gives way first, so the name column keeps its room longest.
        for index in widths.indices.reversed() where pane.columns[index].flexible {
            let excess = total() - available
            guard excess > 0 else { break }
            widths[index] -= min(excess, max(0, widths[index] - pane.columns[index].minWidth))
        }
        while total() > available, let last = widths.lastIndex(where: { $0 > 0 }), last > 0 {
            widths[last] = 0
        }
        if total() > available, let first = widths.firstIndex(where: { $0 > 0 }) { widths[first] = available }
        if total() < available, let flexible = pane.columns.firstIndex(where: \.flexible), widths[flexible] > 0 {
            widths[flexible] += available - total()
        }
        return widths
    }
}
