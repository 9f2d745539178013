import ChargEyeText
public import ViewModels

/// A pane whose every text can go through one function (`ASCIIText` on a terminal that is not
/// UTF-8) before the views measure and draw it; key names through their own (words for arrows).
public protocol PaneText {
    /// The pane with its texts mapped by `text` and its key names by `keys`.
    func mappingText(_ text: (String) -> String, keys: (String) -> String) -> Self
}

extension Header: PaneText {
    /// The header with every text mapped.
    public func mappingText(_ text: (String) -> String, keys: (String) -> String) -> Header {
        var copy = self
        copy.product = text(product)
        copy.connection = text(connection)
        copy.breadcrumb = text(breadcrumb)
        return copy
    }
}

extension ListPane: PaneText {
    /// The list pane with every text mapped.
    public func mappingText(_ text: (String) -> String, keys: (String) -> String) -> ListPane {
        var copy = self
        copy.title = text(title)
        copy.position = text(position)
        copy.badges = badges.map { $0.mappingText(text) }
        copy.columns = columns.map { column in
            var column = column
            column.title = text(column.title)
            return column
        }
        copy.rows = rows.map { row in
            var row = row
            row.cells = row.cells.map(text)
            return row
        }
        copy.emptyText = emptyText.map(text)
        copy.filterPrompt = filterPrompt.map(text)
        copy.footer = footer?.mappingText(text)
        return copy
    }
}

extension FleetSummary: PaneText {
    /// The roll-up with every text mapped.
    public func mappingText(_ text: (String) -> String, keys: (String) -> String) -> FleetSummary {
        var copy = self
        copy.scope = text(scope)
        copy.segments = segments.map { segment in
            var segment = segment
            segment.text = text(segment.text)
            segment.shortText = text(segment.shortText)
            segment.word = text(segment.word)
            return segment
        }
        return copy
    }
}

extension DetailPane: PaneText {
    /// The detail pane with every text mapped.
    public func mappingText(_ text: (String) -> String, keys: (String) -> String) -> DetailPane {
        var copy = self
        copy.title = text(title)
        copy.lines = lines.map { $0.mappingText(text) }
        return copy
    }
}

extension DetailPane.Line {
    func mappingText(_ text: (String) -> String) -> DetailPane.Line {
        var copy = self
        copy.label = text(label)
        copy.value = text(value)
        return copy
    }
}

extension StatusBar: PaneText {
    /// The status bar with every text mapped; key names by `keys`.
    public func mappingText(_ text: (String) -> String, keys: (String) -> String) -> StatusBar {
        var copy = self
        copy.countdown.text = text(countdown.text)
        copy.activity = activity?.mappingText(text)
        copy.hints = hints.map { (keys($0.key), text($0.label)) }
        return copy
    }
}

extension ErrorPane: PaneText {
    /// The error pane with every text mapped; its key line by `keys`.
    public func mappingText(_ text: (String) -> String, keys: (String) -> String) -> ErrorPane {
        var copy = self
        copy.title = text(title)
        copy.lines = lines.map { $0.mappingText(text) }
        copy.keys = keys(self.keys)
        return copy
    }
}

extension HelpOverlay: PaneText {
    /// The help with every text mapped; key names by `keys`.
    public func mappingText(_ text: (String) -> String, keys: (String) -> String) -> HelpOverlay {
        var copy = self
        copy.title = text(title)
        copy.hint = keys(hint)
        copy.rows = rows.map { (keys($0.keys), text($0.label)) }
        return copy
    }
}

extension ConsolePane: PaneText {
    /// The console with every text mapped.
    public func mappingText(_ text: (String) -> String, keys: (String) -> String) -> ConsolePane {
        var copy = self
        copy.prompt = prompt.map(text)
        copy.status = status?.mappingText(text)
        copy.lines = lines.map(text)
        copy.closeHint = keys(closeHint)
        copy.newRequestHint = keys(newRequestHint)
        return copy
    }
}

extension RequestLogPane: PaneText {
    /// The request log with every text mapped.
    public func mappingText(_ text: (String) -> String, keys: (String) -> String) -> RequestLogPane {
        var copy = self
        copy.title = text(title)
        copy.columns = columns.map(text)
        copy.rows = rows.map { $0.map(text) }
        copy.detail = detail?.map { $0.mappingText(text) }
        copy.closeHint = keys(closeHint)
        return copy
    }
}

extension Span {
    func mappingText(_ text: (String) -> String) -> Span {
        Span(text(self.text), role)
    }
}

extension UsageChartPane: PaneText {
    /// The usage chart with every text mapped (its lines are already ASCII on such a terminal).
    public func mappingText(_ text: (String) -> String, keys: (String) -> String) -> UsageChartPane {
        var copy = self
        copy.title = text(title)
        copy.status = status?.mappingText(text)
        copy.lines = lines.map(text)
        copy.closeHint = keys(closeHint)
        return copy
    }
}
