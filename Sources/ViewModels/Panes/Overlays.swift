import ChargEyeAPI
import Foundation

/// The help overlay, generated from the key map.
public struct HelpOverlay: Equatable, Sendable {
    public var title: String
    public var rows: [(keys: String, label: String)]

    public static func == (lhs: HelpOverlay, rhs: HelpOverlay) -> Bool {
        lhs.title == rhs.title && lhs.rows.map(\.keys) == rhs.rows.map(\.keys) && lhs.rows.map(\.label) == rhs.rows.map(\.label)
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
        return HelpOverlay(title: "Keys", rows: Self.helpRows(keyMap, isDemo: isDemo))
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
