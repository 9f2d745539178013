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

    /// Rows of items the list shows (its rect minus border, summary line and column headings).
    public var listRows: Int { max(1, list.height - 4) }

    /// The layout for a size; in the single arrangement `detailFocused` picks the pane shown;
    /// `detailHidden` gives the list the whole body.
    public init(width: Int, height: Int, detailFocused: Bool = false, detailHidden: Bool = false) {
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

    /// The list rows the layout would show for a size (for the view-model's paging), whatever
    /// pane is focused.
    public static func listRows(width: Int, height: Int, detailHidden: Bool = false) -> Int {
        Layout(width: width, height: height, detailHidden: detailHidden).listRows
    }
}
