import ChargEyeAPI
import Foundation

/// The help overlay, generated from the key map.
public struct HelpOverlay: Equatable, Sendable {
    public var title: String
    /// What the keys do here: "any key closes", or how to scroll and close.
    public var hint: String
    public var rows: [(keys: String, label: String)]
    /// The first row shown (when the help is taller than the screen).
    public var scroll: Int
    /// Where the rows go, measured on the text as the terminal draws it.
    public var layout: HelpLayout

    public static func == (lhs: HelpOverlay, rhs: HelpOverlay) -> Bool {
        lhs.title == rhs.title && lhs.hint == rhs.hint && lhs.scroll == rhs.scroll && lhs.layout == rhs.layout
            && lhs.rows.map(\.keys) == rhs.rows.map(\.keys) && lhs.rows.map(\.label) == rhs.rows.map(\.label)
    }
}

/// The raw GET console: the prompt, the status line and the body.
public struct ConsolePane: Equatable, Sendable {
    public var prompt: String?
    public var status: Span?
    public var lines: [String]
    public var scroll: Int
}

extension AppState {
    /// The help overlay, when open.
    public var helpOverlay: HelpOverlay? {
        guard mode == .help else { return nil }
        let rows = Self.helpRows(keyMap, isDemo: isDemo)
        let layout = helpLayout(rows)
        guard layout.scrolls else { return HelpOverlay(title: "Keys", hint: "any key closes", rows: rows, scroll: 0, layout: layout) }
        let scroll = min(helpScroll, layout.maximumScroll(rowCount: rows.count))
        let keys = [Action.moveUp, .moveDown, .pageDown].map(keyName).joined(separator: " ")
        return HelpOverlay(
            title: "Keys \(scroll + 1)-\(scroll + layout.visibleRows)/\(rows.count)",
            hint: "\(keys) scroll; other keys close", rows: rows, scroll: scroll, layout: layout
        )
    }

    /// The help's layout in the body (all but the header and status lines), measured on the
    /// text as it will be drawn.
    func helpLayout(_ rows: [(keys: String, label: String)]) -> HelpLayout {
        let drawn = asciiOnly ? rows.map { (ASCIIText.keys($0.keys), ASCIIText.text($0.label)) } : rows
        return HelpLayout(rows: drawn, width: width, height: height - 2)
    }

    /// Moves the help when `action` scrolls it; false for keys that close it.
    mutating func scrollHelp(_ action: Action?) -> Bool {
        let rows = Self.helpRows(keyMap, isDemo: isDemo)
        let layout = helpLayout(rows)
        guard layout.scrolls else { return false }
        let page = max(1, layout.visibleRows - 1)
        switch action {
        case .moveUp?: helpScroll -= 1
        case .moveDown?: helpScroll += 1
        case .pageUp?: helpScroll -= page
        case .pageDown?: helpScroll += page
        case .top?: helpScroll = 0
        case .bottom?: helpScroll = rows.count
        default: return false
        }
        helpScroll = max(0, min(helpScroll, layout.maximumScroll(rowCount: rows.count)))
        return true
    }

    /// The key table: every bound action with its keys (also used for the README).
    public static func helpRows(_ keyMap: KeyMap, isDemo: Bool = true) -> [(keys: String, label: String)] {
        keyMap.bindings
            .filter { isDemo || $0.action != .toggleFaults }
            .map { (keys: $0.keys.map(\.description).joined(separator: " "), label: $0.action.label) }
    }

    /// The console, when open.
    public var consolePane: ConsolePane? {
        guard mode == .console || mode == .consoleInput else { return nil }
        var status: Span?
        if console.pending != nil {
            status = Span("GET \(console.history.last ?? "") …", .accent)
        } else if let response = console.response {
            let milliseconds = Int(Double(response.duration.components.attoseconds) / 1e15 + Double(response.duration.components.seconds) * 1000)
            status = Span("HTTP \(response.status) GET \(TextSanitizer.singleLine(response.path, limit: 120)) · \(milliseconds) ms · \(response.body.count) bytes", .ok)
        } else if let error = console.error {
            status = Span("GET \(TextSanitizer.singleLine(console.history.last ?? "", limit: 120)) failed: \(error.shortReason)", .critical)
        }
        return ConsolePane(
            prompt: mode == .consoleInput ? console.input : nil,
            status: status,
            lines: console.rows,
            scroll: console.scroll
        )
    }
}
