public import ChargEyeFleet
public import ChargEyeAPI
public import Foundation

/// The whole browser as a value: navigation stack, data, selection, modes, token, errors.
/// Changed only by `update(_:)`, which is pure.
public struct AppState: Equatable, Sendable {
    /// Which pane has the keyboard.
    public enum Focus: Sendable, Equatable { case list, detail }

    /// What the keyboard is doing.
    public enum Mode: Sendable, Equatable {
        case browse
        case filtering
        case help
        case consoleInput
        case console
        case requestLog
        /// The usage chart of a station or a location (`UsageChartState`).
        case chart
        /// The error pane: a call the user waited for failed; only its keys act.
        case error
    }

    /// The request log: the latest API calls, newest last, bounded.
    public struct RequestLog: Equatable, Sendable {
        public internal(set) var records: [RequestRecord] = []
        /// Index of the selected record.
        public internal(set) var selected = 0
        /// Showing the selected record in full.
        public internal(set) var showsDetail = false
        /// How many records are kept.
        public static let limit = 500
    }

    /// A short message in the status bar, gone after `until`.
    public struct Notice: Equatable, Sendable {
        public var text: String
        public var role: Role
        public var until: Date
    }

    /// The raw GET console.
    public struct Console: Equatable, Sendable {
        public var input = ""
        public var history: [String] = []
        public var response: RawResponse?
        public var error: ChargEyeError?
        /// The response's lines as received (JSON pretty-printed).
        public var lines: [String] = []
        /// `lines` broken into rows of the console's width (what is drawn and scrolled).
        public var rows: [String] = []
        /// The width `rows` were made for.
        var rowWidth = 0
        /// The first row on screen.
        public var scroll = 0
    }

    public var connectionLabel: String
    public var isDemo: Bool
    /// Version and terminal facts for the support hand-off ("chargeye 0.1.0, TERM=xterm").
    public var about = ""
    /// How often live views (stations, connectors) reload by themselves, in seconds.
    public var refreshInterval: TimeInterval
    public var keyMap: KeyMap
    public var timeZone: TimeZone
    /// The terminal shows ASCII only (a locale that is not UTF-8): the help and console are
    /// laid out on the ASCII forms of their text, as the terminal layer will draw them.
    public var asciiOnly = false
    public internal(set) var width = 80
    public internal(set) var height = 24
    public internal(set) var now: Date
    public internal(set) var stack: [Level]
    public internal(set) var focus = Focus.list
    /// The list alone, without the detail pane (`d`), for more rows and less to redraw.
    public internal(set) var detailHidden = false
    public internal(set) var detailScroll = 0
    public internal(set) var mode = Mode.browse
    /// The help's first row on screen (when it scrolls).
    public internal(set) var helpScroll = 0
    /// The mode closing the help goes back to (browse, or the error pane it was opened from).
    var helpReturn = Mode.browse
    public internal(set) var rollups: [String: Rollup] = [:]
    /// The whole fleet's stations, beside the locations.
    public internal(set) var fleet = FleetStatus()
    /// The top level not on screen: Locations while the Stations view shows, and back (`S`).
    var otherRoot: Level?
    /// Every request in flight and what it is for.
    public internal(set) var requests = RequestTable()
    public internal(set) var token: TokenState?
    public internal(set) var faultsOn = false
    public internal(set) var notice: Notice?
    public internal(set) var console = Console()
    public internal(set) var requestLog = RequestLog()
    /// The usage chart, while open.
    public internal(set) var usage: UsageChartState?
    /// Live refresh switched off with `p`.
    public internal(set) var livePaused = false
    /// Latest status transitions seen between refreshes, newest first.
    public internal(set) var events: [StatusEvent] = []
    /// Items that changed in the last refresh of the current level (highlighted for one cycle).
    public internal(set) var changedIDs: Set<String> = []
    /// The view `start()` opens.
    public var startView = StartView.locations
    /// Levels made so far (each gets the next id).
    var levelCount = 1

    /// The state at start-up; `start()` gives the first effects.
    public init(
        connectionLabel: String, isDemo: Bool, now: Date, keyMap: KeyMap = .standard, timeZone: TimeZone = .current,
        refreshInterval: TimeInterval = 30
    ) {
        self.connectionLabel = connectionLabel
        self.isDemo = isDemo
        self.refreshInterval = max(1, refreshInterval)
        self.keyMap = keyMap
        self.timeZone = timeZone
        self.now = now
        self.stack = [Level(id: LevelID(value: 1), kind: .locations)]
    }

    /// The level on top of the stack.
    public var current: Level { stack[stack.count - 1] }

    /// The work of a session's start: follow the token, keep it renewed, load the first screen.
    public mutating func start() -> [Effect] {
        let token: [Effect] = [.watchToken, .keepTokenFresh]
        // The fleet is read when the locations are in (`readFleetAfterLocations`).
        guard startView != .locations else { return token + load(depth: 0, .first) }
        // The Stations view's own read is the fleet read; the locations load when switched to.
        stack[0] = makeLevel(.fleetStations)
        stack[0].problemsOnly = startView == .problems
        return token + load(depth: 0, .first)
    }

    /// Where each pane goes at the current size.
    public var layout: Layout {
        Layout(width: width, height: height, detailFocused: focus == .detail, detailHidden: detailHidden, filtering: mode == .filtering)
    }

    /// How many list rows are on screen (for paging), whichever pane has the focus: in the one-pane
    /// arrangement the list's height is the body's either way.
    public var listRows: Int {
        Layout(width: width, height: height, detailHidden: detailHidden, filtering: mode == .filtering).listRows
    }

    /// The top level's failure while the error pane shows it.
    public var shownFailure: LoadFailure? {
        mode == .error ? current.load.failure : nil
    }
}
