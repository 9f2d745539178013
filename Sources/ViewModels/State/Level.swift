public import ChargEyeAPI
public import ChargEyeFleet
public import Foundation

/// Identifies one level of the navigation stack for as long as it exists, so a reply for a
/// level that was left (and perhaps replaced by another of the same kind) is never applied.
public struct LevelID: Hashable, Sendable {
    let value: Int
}

/// A location as the navigation stack remembers it.
public struct LocationRef: Equatable, Sendable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// What one level of the navigation stack lists.
public enum LevelKind: Equatable, Sendable {
    case locations
    /// Every station of the fleet, the top level's other view (`S`).
    case fleetStations
    case stations(LocationRef)
    case connectors(LocationRef, stationId: String)
    case transactions(LocationRef, stationId: String)
    case vehicles(LocationRef)

    /// The request that loads this level's first page.
    var request: APIRequest {
        switch self {
        case .locations: .locations
        case .fleetStations: .fleet
        case .stations(let location), .connectors(let location, _): .stations(locationUid: location.id)
        case .transactions(_, let stationId): .transactions(stationId: stationId, cursor: nil)
        case .vehicles(let location): .vehicles(locationUid: location.id)
        }
    }

    /// The ways this level can be sorted; the first is the default.
    var sortKeys: [SortKey] {
        switch self {
        case .locations: [.name, .city, .country, .status]
        case .fleetStations: [.status, .name, .power]
        case .stations: [.name, .status, .power]
        case .connectors: [.name, .status, .power]
        case .transactions: [.newest]
        case .vehicles: [.name]
        }
    }

    /// Whether this level shows live data that reloads by itself.
    var isLive: Bool {
        switch self {
        case .fleetStations, .stations, .connectors: true
        default: false
        }
    }

    /// The location this level belongs to, below the top level.
    var location: LocationRef? {
        switch self {
        case .locations, .fleetStations: nil
        case .stations(let location), .connectors(let location, _), .transactions(let location, _), .vehicles(let location):
            location
        }
    }
}

/// How a list is ordered.
public enum SortKey: String, Sendable, Equatable {
    case name, city, country, status, power, newest
}

/// One level of the navigation stack: its data, selection (by id), scroll, filter and sort.
public struct Level: Equatable, Sendable {
    /// Which level this is, for as long as it is on the stack.
    public let id: LevelID
    public var kind: LevelKind
    /// The last good data; kept while a reload is in flight or has failed.
    public internal(set) var data: LevelData? {
        get { storage }
        set {
            storage = newValue
            searchIndex = SearchIndex()
            stationsRollup = nil
            attentionKeys = []
            if case .stations(let stations)? = newValue {
                stationsRollup = Rollup()
                absorbStations(stations, 0..<stations.count)
            } else if let newValue {
                Self.addToIndex(&searchIndex, data: newValue, items: 0..<newValue.count)
            }
            sortCache = nil
        }
    }
    private var storage: LevelData?
    /// Each item's searchable text, folded once when the data arrives.
    private(set) var searchIndex = SearchIndex()
    /// A list of stations' counts by status, made once when the data arrives (the roll-up
    /// line shows them on every frame).
    private(set) var stationsRollup: Rollup?
    /// A list of stations' places in the worst-first order, one per station, made once as the
    /// stations arrive (a fleet's list is sorted again as each part of it comes).
    private(set) var attentionKeys: [AttentionKey] = []
    /// All items in the current sort order, computed once per data and sort key, so a filter
    /// keystroke only selects from it and never sorts.
    var sortCache: SortCache?
    /// Where loading stands: idle, in flight, loaded or failed.
    public internal(set) var load = LoadState.idle
    /// Loads that failed one after another (the live refresh backs off by it).
    public internal(set) var failuresInARow = 0
    /// When the data shown was received.
    public internal(set) var loadedAt: Date?
    /// The selected item's id; selection follows the item across reloads, filters and sorts.
    public internal(set) var selectedID: String?
    /// Whether the selection was chosen (a key, a click, a jump). Until it is, it stays on the
    /// first row while the list streams in.
    var selectionChosen = false
    /// The first list row on screen.
    public internal(set) var scroll = 0
    /// The filter text (case- and accent-insensitive substring).
    public internal(set) var filter = ""
    /// Index into `kind.sortKeys`.
    public internal(set) var sortIndex = 0
    /// The status the list is narrowed to from the roll-up, if any.
    public internal(set) var facet: StatusFacet?
    /// Stations: only those that need attention (`!`), worst and longest quiet first.
    public internal(set) var problemsOnly = false
    /// Indices into the data, filtered and sorted: what the list shows.
    public internal(set) var visible: [Int] = []
    /// Transactions: the walk through the pages so far (the next cursor, what it refused).
    public internal(set) var walk = CursorWalk()
    /// Transactions: the server's totals.
    public internal(set) var summary: TransactionsSummary?
    /// A stations level's asset records.
    public internal(set) var hardware = HardwareRecords.notAsked

    init(id: LevelID, kind: LevelKind) {
        self.id = id
        self.kind = kind
    }

    /// The current sort.
    public var sort: SortKey { kind.sortKeys[sortIndex % kind.sortKeys.count] }

    /// True when a failed reload left older data on screen (a failed further page leaves the
    /// pages before it current).
    public var isStale: Bool {
        guard let failure = load.failure, data != nil else { return false }
        if case .page = failure.reason { return false }
        return true
    }

    /// True while a request for this level is in flight.
    public var isLoading: Bool { load.requestID != nil }

    /// True while the level's data is the parts of a streamed answer that is still coming.
    public var isStreaming: Bool {
        guard let request = load.request else { return false }
        return request.partsRestarts != nil && request.heldBack == nil
    }

    /// True when the data shown is only part of the list: a streamed answer broke off or was
    /// stopped (and stays so while a later request is on its way). An answer still streaming
    /// in is `isStreaming` instead.
    public var isIncomplete: Bool {
        switch load {
        case .cancelled(_, let partial): partial
        case .failed(let failure): failure.partial
        case .loading(let request): request.showsPartialData
        case .idle, .loaded: false
        }
    }

    /// Shows the locations of a streamed answer so far, in place of what the level showed
    /// or, `continuing` the same answer, as a longer version of it, taking over the search
    /// index the reader built for them when it did (so the terminal's thread folds no text).
    mutating func showStreamed(_ soFar: LocationsSoFar, continuing: Bool) {
        if !continuing { data = .locations(LocationTable()) }
        extend(to: .locations(soFar.locations), index: soFar.searchIndex, nameOrder: soFar.nameOrder)
    }

    /// Takes over a longer version of the list shown (a streamed answer's rows so far, shared,
    /// not copied): the search index and counts grow by just the new rows (or the index is
    /// `index`, when it covers them all), and a list ordered by its index keeps its order with
    /// the new rows merged in (or takes `nameOrder`, the reader's, when it is ordered by name
    /// and that covers them all); other orders are recomputed on the next refresh.
    mutating func extend(to longer: LevelData, index: SearchIndex? = nil, nameOrder: [Int]? = nil) {
        switch (storage, longer) {
        case (.locations(let shown)?, .locations(let all)) where shown.count <= all.count:
            if let index, index.count == all.count {
                searchIndex = index
            } else {
                Self.addToIndex(&searchIndex, data: longer, items: shown.count..<all.count)
            }
            storage = longer
            if indexFields(sortIndex) == Self.nameFields, let nameOrder, nameOrder.count == all.count {
                sortCache = SortCache(sortIndex: sortIndex, order: nameOrder)
            } else if let cache = sortCache, let fields = indexFields(cache.sortIndex) {
                let added = Array(shown.count..<all.count)
                sortCache?.order = searchIndex.merging(added, into: cache.order, byFields: fields)
            } else {
                sortCache = nil
            }
            return
        case (.stations(let shown)?, .stations(let all)) where all.isExtension(of: shown):
            absorbStations(all, shown.count..<all.count)
        default:
            data = longer
            return
        }
        storage = longer
        sortCache = nil
    }

    /// Folds the search fields, status counts and worst-first keys of `stations[positions]`
    /// in, read from the table's rows (no station is made).
    private mutating func absorbStations(_ stations: StationTable, _ positions: Range<Int>) {
        for position in positions {
            let statuses = stations.statuses(at: position)
            searchIndex.append(fields: LevelData.searchFields(of: stations, at: position, statuses: statuses).map { $0.map(Self.fold) ?? "" })
            stationsRollup?.add(statuses)
            attentionKeys.append(AttentionKey(
                rank: StatusRank.attention(statuses), quietSince: stations.latestSessionTime(at: position) ?? .distantFuture
            ))
        }
    }

    /// Position of the selection among the visible items.
    public var selectedIndex: Int? {
        guard let selectedID, let data else { return nil }
        return data.firstIndex(ofID: selectedID, in: visible)
    }
}
