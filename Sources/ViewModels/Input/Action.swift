/// What a key does. Keys map to actions through the `KeyMap`, so bindings can be remapped and
/// the help overlay always tells the truth.
public enum Action: String, CaseIterable, Sendable, Codable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case open, back, switchPane, toggleDetail
    case filter, facet, sort, switchView, problems, openLocation, retry, reload, pauseLive, refreshToken
    case console, requestLog, handoff, copyID, vehicles, usageChart, help, toggleFaults, quit
    /// In the usage chart: the period before or after, the bucket size.
    case earlier, later, bucketSize
    /// Text entry (the filter, the console's prompt) and overlays.
    case submit, cancel, deleteBackward, eraseInput, close
    /// Everywhere, text entry included.
    case interrupt, suspend

    /// The label in the help overlay and the hint bar.
    public var label: String {
        switch self {
        case .moveUp: "move up"
        case .moveDown: "move down"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .top: "first item"
        case .bottom: "last item"
        case .open: "open / drill in"
        case .back: "back / dismiss / stop"
        case .switchPane: "switch pane"
        case .toggleDetail: "show / hide detail"
        case .filter: "filter"
        case .facet: "only a status (cycle)"
        case .sort: "cycle sort"
        case .switchView: "Locations / Stations"
        case .problems: "problems only"
        case .openLocation: "go to location"
        case .retry: "retry failed call"
        case .reload: "reload"
        case .pauseLive: "pause / resume refresh"
        case .refreshToken: "renew token now"
        case .console: "raw GET console"
        case .requestLog: "request log"
        case .handoff: "write support hand-off"
        case .copyID: "copy id (OSC 52)"
        case .vehicles: "vehicles of location"
        case .usageChart: "usage chart"
        case .earlier: "earlier period"
        case .later: "later period"
        case .bucketSize: "day / week / month buckets"
        case .help: "help"
        case .toggleFaults: "demo: toggle faults"
        case .quit: "quit"
        case .submit: "keep the text / send"
        case .cancel: "clear / cancel the text"
        case .deleteBackward: "delete a character"
        case .eraseInput: "erase the text"
        case .close: "close"
        case .interrupt: "quit from anywhere"
        case .suspend: "suspend to the shell"
        }
    }

    /// The short word in the status bar's hints.
    public var hint: String {
        switch self {
        case .open: "open"
        case .back: "back"
        case .filter: "filter"
        case .facet: "status"
        case .sort: "sort"
        case .switchView: "stations"
        case .problems: "problems"
        case .openLocation: "location"
        case .retry: "retry"
        case .help: "help"
        case .quit: "quit"
        case .vehicles: "vehicles"
        case .usageChart: "chart"
        case .earlier: "earlier"
        case .later: "later"
        case .bucketSize: "buckets"
        case .console: "console"
        case .requestLog: "requests"
        case .handoff: "hand-off"
        case .toggleFaults: "faults"
        case .switchPane: "pane"
        case .toggleDetail: "detail"
        case .pauseLive: "pause"
        case .copyID: "copy"
        default: label
        }
    }
}
