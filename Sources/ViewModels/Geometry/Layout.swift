/// Where each pane goes for a terminal size. Pure, so it is tested on its own.
///
/// - 100 columns or more: list and detail side by side;
/// - 60 to 99 columns: list above detail;
/// - under 60 columns: one pane at a time (the focused one);
/// - under 40x10: nothing but a "terminal too small" message.
public struct Layout: Equatable, Sendable {
    /// How the panes share the screen.
    public enum Arrangement: Equatable, Sendable { case sideBySide, stacked, single, tooSmall }

    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public var arrangement: Arrangement
    public var header: Rect
    public var list: Rect
    public var detail: Rect
    public var status: Rect
    /// The whole area between header and status bar (for overlays).
    public var body: Rect

    /// The filter is being typed: its prompt takes the list's last row.
    public var filtering: Bool

    /// How many rows the mouse wheel moves.
    public static let wheelStep = 3

    /// Rows of items the list shows.
    public var listRows: Int { max(1, Self.listItems(in: list, filtering: filtering).height) }

    /// Where a pane's frame leaves room for its content.
    public static func insideFrame(of rect: Rect) -> Rect { rect.inset(by: 1) }

    /// Where a list's items go: inside its frame, below the roll-up line and the headings, and
    /// above the filter's prompt while it is typed.
    public static func listItems(in list: Rect, filtering: Bool) -> Rect {
        let inside = insideFrame(of: list)
        return Rect(x: inside.x, y: inside.y + 2, width: inside.width, height: inside.height - 2 - (filtering ? 1 : 0))
    }

    /// The list row (0 = the first on screen) at screen row `y`, if the list shows one there.
    public func listRow(atY y: Int, x: Int) -> Int? {
        let items = Self.listItems(in: list, filtering: filtering)
        return items.contains(x: x, y: y) ? y - items.y : nil
    }

    /// The detail pane's lines: inside its frame.
    public var detailText: Rect { Self.insideFrame(of: detail) }

    /// The console's prompt line: the first inside its frame over the body.
    public var consolePrompt: Rect {
        let inside = Self.insideFrame(of: body)
        return Rect(x: inside.x, y: inside.y, width: inside.width, height: min(1, inside.height))
    }

    /// The console's status line, below the prompt.
    public var consoleStatus: Rect {
        Rect(x: consolePrompt.x, y: consolePrompt.y + 1, width: consolePrompt.width, height: 1)
    }

    /// Where the console's text goes: below the prompt and status lines.
    public var consoleText: Rect {
        let inside = Self.insideFrame(of: body)
        let top = consoleStatus.y + 1
        return Rect(x: inside.x, y: top, width: inside.width, height: inside.y + inside.height - top)
    }

    /// The error pane's frame width: the body less a column each side, at most 78.
    public var errorPaneWidth: Int { min(body.width - 2, 78) }

    /// The error pane's text width: inside its frame, less a margin each side.
    public var errorTextWidth: Int { errorPaneWidth - 2 - 2 * Self.errorMargin }

    /// The error pane for `textRows` rows of text, a blank row and a row of keys, centred over
    /// the body: its frame, the text's rows (as many as fit) and the keys' row.
    public func errorPane(textRows: Int) -> (frame: Rect, text: Rect, keys: Rect) {
        let frame = body.centered(width: errorPaneWidth, height: min(body.height, textRows + 2 + 2))
        let inside = Self.insideFrame(of: frame)
        let content = Rect(x: inside.x + Self.errorMargin, y: inside.y, width: errorTextWidth, height: inside.height)
        return (
            frame,
            Rect(x: content.x, y: content.y, width: content.width, height: content.height - 2),
            Rect(x: content.x, y: content.y + content.height - 1, width: content.width, height: min(1, content.height))
        )
    }

    /// Columns between the error pane's frame and its text.
    static let errorMargin = 1

    /// Where the request log's rows go: inside its frame over the body, below the headings.
    public var requestLogRows: Rect {
        let inside = Self.insideFrame(of: body)
        return Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 1)
    }

    /// The layout for a size; in the single arrangement `detailFocused` picks the pane shown;
    /// `detailHidden` gives the list the whole body.
    public init(width: Int, height: Int, detailFocused: Bool = false, detailHidden: Bool = false, filtering: Bool = false) {
        self.filtering = filtering
        header = Rect(x: 0, y: 0, width: width, height: 1)
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        body = Rect(x: 0, y: 1, width: width, height: height - 2)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            arrangement = .tooSmall
            list = Rect(x: 0, y: 0, width: 0, height: 0)
            detail = list
            return
        }
        if detailHidden && !detailFocused {
            arrangement = .single
            list = body
            detail = Rect(x: 0, y: 1, width: 0, height: 0)
        } else if width >= 100 {
            arrangement = .sideBySide
            let listWidth = width * 3 / 5
            list = Rect(x: 0, y: 1, width: listWidth, height: body.height)
            detail = Rect(x: listWidth, y: 1, width: width - listWidth, height: body.height)
        } else if width >= 60 && height >= 16 {
            arrangement = .stacked
            let listHeight = max(6, body.height * 3 / 5)
            list = Rect(x: 0, y: 1, width: width, height: listHeight)
            detail = Rect(x: 0, y: 1 + listHeight, width: width, height: body.height - listHeight)
        } else {
            arrangement = .single
            let hidden = Rect(x: 0, y: 1, width: 0, height: 0)
            list = detailFocused ? hidden : body
            detail = detailFocused ? body : hidden
        }
    }

}
