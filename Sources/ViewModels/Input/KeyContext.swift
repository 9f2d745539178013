/// Where the keyboard is: each context offers its own actions, labels them for its hints, and
/// decides which of two actions sharing a key acts (the first in `actions`).
public enum KeyContext: String, CaseIterable, Sendable {
    case browse, filter, consoleInput, console, requestLog, chart, error, help

    /// True where characters are typed as text.
    public var isTextEntry: Bool { self == .filter || self == .consoleInput }

    /// The actions offered here, first ones first when two share a key.
    public var actions: [Action] {
        let everywhere: [Action] = [.interrupt, .suspend]
        let movement: [Action] = [.moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom]
        switch self {
        case .browse:
            return Self.browseActions
        case .filter:
            return [.submit, .cancel, .deleteBackward, .eraseInput, .moveUp, .moveDown, .pageUp, .pageDown] + everywhere
        case .consoleInput:
            return [.submit, .cancel, .deleteBackward, .eraseInput, .moveUp] + everywhere
        case .console:
            return movement + [.console, .back, .close] + everywhere
        case .requestLog:
            return movement + [.open, .copyID, .back, .close, .requestLog] + everywhere
        case .chart:
            return [.moveUp, .moveDown, .top, .bottom, .earlier, .later, .bucketSize, .retry, .back, .close, .usageChart] + everywhere
        case .error:
            return [.retry, .back, .copyID, .help, .quit] + everywhere
        case .help:
            return movement + everywhere
        }
    }

    /// Every action but those of text entry and overlays, worked out once (each key press asks).
    private static let browseActions = Action.allCases.filter {
        ![.submit, .cancel, .deleteBackward, .eraseInput, .close, .earlier, .later, .bucketSize].contains($0)
    }

    /// What an action does here, where that differs from its general label.
    public func label(of action: Action) -> String {
        switch (self, action) {
        case (.filter, .submit): "keep the filter"
        case (.filter, .cancel): "clear the filter"
        case (.consoleInput, .submit): "send the GET"
        case (.consoleInput, .cancel): "cancel"
        case (.consoleInput, .moveUp): "previous GET"
        case (.console, .console): "new GET"
        case (.console, .back), (.requestLog, .requestLog): "close"
        case (.requestLog, .open): "show / hide the call in full"
        case (.requestLog, .copyID): "copy as curl"
        case (.requestLog, .back): "back / close"
        case (.chart, .moveUp): "bucket before"
        case (.chart, .moveDown): "bucket after"
        case (.chart, .top): "first bucket"
        case (.chart, .bottom): "last bucket"
        case (.chart, .retry): "read the period again"
        case (.chart, .back): "stop reading / close"
        case (.chart, .usageChart): "close"
        case (.error, .back): "dismiss"
        case (.error, .retry): "retry the call"
        case (.error, .copyID): "copy the error"
        default: action.label
        }
    }

    /// The short word for an action in this context's hints.
    public func hint(of action: Action) -> String {
        switch (self, action) {
        case (.filter, .submit): "keep"
        case (.filter, .cancel): "clear"
        case (.consoleInput, .submit): "GET"
        case (.consoleInput, .cancel): "cancel"
        case (.consoleInput, .moveUp): "previous"
        case (.console, .console): "new GET"
        case (.console, .back), (.requestLog, .back): "close"
        case (.requestLog, .open): "detail"
        case (.requestLog, .copyID): "copy as curl"
        case (.chart, .back): "close"
        case (.chart, .moveUp), (.chart, .moveDown): "bucket"
        case (.error, .back): "dismiss"
        case (.error, .copyID): "copy error"
        case (_, .moveUp), (_, .moveDown): self == .requestLog ? "select" : "scroll"
        default: action.hint
        }
    }

    /// The hints this context shows in the status bar, most useful first (the bar drops them
    /// from the end when it runs out of room). Browse mode and the help make their own
    /// (`AppState.hints`).
    var hintActions: [Action] {
        switch self {
        case .browse, .help: []
        case .filter: [.submit, .cancel]
        case .consoleInput: [.submit, .cancel, .moveUp]
        case .console: [.moveDown, .console, .back]
        case .requestLog: [.moveDown, .open, .copyID, .back]
        case .chart: [.earlier, .later, .bucketSize, .moveDown, .back]
        case .error: [.retry, .back, .copyID, .help, .quit]
        }
    }

    /// The actions the help lists under this context's heading: those it adds to, or names
    /// differently from, browse mode.
    var helpActions: [Action] {
        guard self != .browse, self != .help else { return [] }
        return actions.filter { action in
            !KeyContext.browse.actions.contains(action) || label(of: action) != action.label
        }
    }

    /// True when some context offers both actions (so they must not share a key there).
    static func shareAContext(_ first: Action, _ second: Action) -> Bool {
        allCases.contains { $0.actions.contains(first) && $0.actions.contains(second) }
    }

    /// The heading of this context's part of the help.
    var helpHeading: String {
        switch self {
        case .browse: "Keys"
        case .filter: "in the filter"
        case .consoleInput: "at the console's prompt"
        case .console: "in the console"
        case .requestLog: "in the request log"
        case .chart: "in the usage chart"
        case .error: "in the error pane"
        case .help: "in the help"
        }
    }
}
