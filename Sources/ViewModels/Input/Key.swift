/// A key press, as the terminal backend reports it.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    case function(Int)

    /// How the help overlay names the key: `j`, `Ctrl-R`, `PgDn`.
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let character): "Ctrl-\(character.uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .function(let number): "F\(number)"
        }
    }
}

/// A mouse event at a screen cell; the view-model places it with its layout.
public enum MouseEvent: Hashable, Sendable {
    /// The wheel turned at a cell; `up` towards the top. It scrolls the pane under the pointer.
    case wheel(up: Bool, column: Int, row: Int)
    /// A click at a cell (0-based column and row of the screen).
    case click(column: Int, row: Int)
}
