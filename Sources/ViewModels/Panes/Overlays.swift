import ChargEyeText
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
    /// The keys, for the frame and the idle prompt: "Esc closes", "press : for a new request".
    public var closeHint: String
    public var newRequestHint: String
}

extension AppState {
    /// The help overlay, when open.
    public var helpOverlay: HelpOverlay? {
        guard mode == .help else { return nil }
        let rows = Self.helpRows(keyMap, isDemo: isDemo, sections: helpSections)
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
        return HelpLayout(rows: drawn, width: width, height: layout.body.height)
    }

    /// Moves the help when `action` scrolls it; false for keys that close it.
    mutating func scrollHelp(_ action: Action?) -> Bool {
        let rows = Self.helpRows(keyMap, isDemo: isDemo, sections: helpSections)
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

    /// The help's extra sections: the error pane's keys when it was opened from there (the other
    /// places show their keys in the status bar; the README lists them all).
    private var helpSections: [KeyContext] {
        helpReturn == .error ? [.error] : []
    }

    /// The key table: browse mode's actions with their keys, then, for each of `sections`, what
    /// that context adds or names differently, under a heading row with no keys. With every
    /// section it is the README's table.
    public static func helpRows(
        _ keyMap: KeyMap, isDemo: Bool = true, sections: [KeyContext] = KeyContext.allCases
    ) -> [(keys: String, label: String)] {
        func row(_ action: Action, _ context: KeyContext) -> (keys: String, label: String) {
            // While text is typed, characters are text: only the other keys act.
            let keys = keyMap.keys(for: action).filter { key in
                if context.isTextEntry, case .character = key { false } else { true }
            }
            return (keys.map(\.description).joined(separator: " "), context.label(of: action))
        }
        let browse = keyMap.bindings.map(\.action).filter { KeyContext.browse.actions.contains($0) && (isDemo || $0 != .toggleFaults) }
        var rows = browse.map { row($0, .browse) }
        for context in sections where !context.helpActions.isEmpty {
            rows.append((keys: "", label: context.helpHeading + ":"))
            // Actions that do the same here share a row ("Esc Backspace ← h q  close").
            var labels: [String] = []
            var keysByLabel: [String: String] = [:]
            for (keys, label) in context.helpActions.map({ row($0, context) }) {
                if let earlier = keysByLabel[label] {
                    keysByLabel[label] = earlier + " " + keys
                } else {
                    labels.append(label)
                    keysByLabel[label] = keys
                }
            }
            rows += labels.map { (keys: keysByLabel[$0] ?? "", label: $0) }
        }
        return rows
    }

    /// The console, when open.
    public var consolePane: ConsolePane? {
        guard mode == .console || mode == .consoleInput else { return nil }
        var status: Span?
        if requests.consoleIsWaiting {
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
            scroll: console.scroll,
            closeHint: "\(keyName(.back)) closes",
            newRequestHint: "press \(keyName(.console)) for a new request"
        )
    }
}
