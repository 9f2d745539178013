import ChargEyeAPI
import ChargEyeFleet
import ChargEyeText
import Foundation

extension Level {
    /// Recomputes the visible items after the data, filter or sort changed, keeping the
    /// selection on the same item (by id) when it is still visible.
    mutating func refreshVisible(rollups: [String: Rollup], listRows: Int) {
        guard let data else {
            visible = []
            return
        }
        var indices = orderedIndices(data: data, rollups: rollups)
        let needle = Self.fold(filter)
        if !needle.isEmpty {
            let hits = searchIndex.matches(needle)
            indices = indices.filter { hits[$0] }
        }
        if let facet { indices = indices.filter { Self.matches(facet, data: data, index: $0, rollups: rollups) } }
        if problemsOnly, case .stations(let items) = data {
            // The worst-first keys made as the stations arrived: below 4 needs attention.
            assert(attentionKeys.count == items.count, "a worst-first key for every station")
            indices = indices.filter { attentionKeys[$0].rank < 4 }
        }
        visible = indices
        // While a list streams in, an untouched selection stays on the first row rather than
        // following whichever row happened to arrive first.
        if selectedIndex == nil || (isStreaming && !selectionChosen) { selectedID = visible.first.map(data.id(at:)) }
        keepSelectionVisible(listRows: listRows)
    }

    /// Moves the selection by `delta` rows (clamped) and scrolls to keep it on screen.
    mutating func moveSelection(by delta: Int, listRows: Int) {
        guard let data, !visible.isEmpty else { return }
        let index = max(0, min(visible.count - 1, (selectedIndex ?? 0) + delta))
        choose(data.id(at: visible[index]))
        keepSelectionVisible(listRows: listRows)
    }

    /// Selects the visible row at `row` (0 = first on screen), for mouse clicks.
    mutating func select(screenRow row: Int, listRows: Int) {
        guard let data, scroll + row < visible.count, row >= 0 else { return }
        choose(data.id(at: visible[scroll + row]))
        keepSelectionVisible(listRows: listRows)
    }

    /// Selects the item with `id` as the user's choice, which later loads keep.
    mutating func choose(_ id: String?) {
        selectedID = id
        selectionChosen = true
    }

    mutating func keepSelectionVisible(listRows: Int) {
        let rows = max(1, listRows)
        let index = selectedIndex ?? 0
        if index < scroll { scroll = index }
        if index >= scroll + rows { scroll = index - rows + 1 }
        scroll = max(0, min(scroll, max(0, visible.count - rows)))
    }

    mutating func setFilter(_ text: String, rollups: [String: Rollup], listRows: Int) {
        filter = text
        refreshVisible(rollups: rollups, listRows: listRows)
    }

    /// Narrows to the next of `facets` (the roll-up's counts), then back to everything.
    mutating func cycleFacet(through facets: [StatusFacet], rollups: [String: Rollup], listRows: Int) {
        guard !facets.isEmpty else {
            facet = nil
            return
        }
        if let facet, let index = facets.firstIndex(of: facet) {
            self.facet = index + 1 < facets.count ? facets[index + 1] : nil
        } else {
            facet = facets[0]
        }
        refreshVisible(rollups: rollups, listRows: listRows)
    }

    private static func matches(_ facet: StatusFacet, data: LevelData, index: Int, rollups: [String: Rollup]) -> Bool {
        switch data {
        case .locations(let items): facet.matches(rollups[items.text(.id, at: index) ?? ""])
        case .stations(let items): facet.matches(items.statuses(at: index))
        case .connectors(let station): station.connectors.map { facet.matches($0[index]) } ?? false
        case .transactions, .vehicles: true
        }
    }

    mutating func cycleSort(rollups: [String: Rollup], listRows: Int) {
        sortIndex = (sortIndex + 1) % kind.sortKeys.count
        refreshVisible(rollups: rollups, listRows: listRows)
    }

    /// Adds the folded search fields of `items` to `index`.
    static func addToIndex(_ index: inout SearchIndex, data: LevelData, items: Range<Int>) {
        if case .locations(let table) = data {
            let fields = LevelData.locationSearchFields
            for item in items {
                index.append(fieldCount: fields.count) { number, take in table.withText(fields[number], at: item, take) }
            }
            return
        }
        for item in items { index.append(fields: data.searchFields(at: item).map { $0.map(fold) ?? "" }) }
    }

    /// Every item in the current sort order; cached (per data, sort and problems filter)
    /// except the locations' status order, which follows the roll-ups as stations load.
    private mutating func orderedIndices(data: LevelData, rollups: [String: Rollup]) -> [Int] {
        if let sortCache, sortCache.sortIndex == sortIndex { return sortCache.order }
        let order = sorted(Array(0..<data.count), data: data, rollups: rollups)
        let followsRollups = if case .locations = data { sort == .status } else { false }
        if !followsRollups { sortCache = SortCache(sortIndex: sortIndex, order: order) }
        return order
    }

    /// The search index's field that orders locations by name.
    static let nameFields = [0]

    /// The search index's fields that sort `sortIndex` orders by, the first deciding, when it
    /// orders by them: locations by name (field 0), city (1) or country (2).
    func indexFields(_ sortIndex: Int) -> [Int]? {
        guard kind == .locations else { return nil }
        switch kind.sortKeys[sortIndex % kind.sortKeys.count] {
        case .name: return Self.nameFields
        case .city: return [1, 0]
        case .country: return [2, 1, 0]
        default: return nil
        }
    }

    /// Search text as the filter compares it (case, accents and width ignored).
    static func fold(_ text: String) -> String {
        TextFold.fold(text)
    }

    private func sorted(_ indices: [Int], data: LevelData, rollups: [String: Rollup]) -> [Int] {
        func by<T: Comparable>(_ key: (Int) -> T) -> [Int] {
            let keyed: [(index: Int, key: T)] = indices.map { (index: $0, key: key($0)) }
            let ordered = keyed.sorted { (left: (index: Int, key: T), right: (index: Int, key: T)) -> Bool in
                left.key != right.key ? left.key < right.key : left.index < right.index
            }
            return ordered.map(\.index)
        }
        func text(_ parts: String?...) -> String {
            Self.fold(parts.map { $0 ?? "" }.joined(separator: "\u{1}"))
        }
        if let fields = indexFields(sortIndex) { return searchIndex.order(indices, byFields: fields) }
        switch (data, sort) {
        case (.locations(let items), .status):
            // Worst first; locations not loaded yet after those with no problems.
            return by { index in Descending(rollups[items.text(.id, at: index) ?? ""]?.severity ?? .unknown) }
        case (.stations(let items), .status) where kind == .fleetStations || problemsOnly:
            // Worst first, then the longest without activity (unknown last).
            assert(attentionKeys.count == items.count, "a worst-first key for every station")
            guard attentionKeys.count == items.count else { return indices }
            return by { attentionKeys[$0] }
        case (.stations(let items), .name): return by { text(items.name(at: $0) ?? items.stationId(at: $0)) }
        case (.stations(let items), .status): return by { StatusRank.station(items.statuses(at: $0)) }
        case (.stations(let items), .power): return by { -(items.currentPowerKw(at: $0) ?? 0) }
        case (.connectors(let station), .status): return by { StatusRank.connector(station.connectors?[$0].status?.text) }
        case (.connectors(let station), .power): return by { -(station.connectors?[$0].session?.powerKw ?? 0) }
        case (.vehicles(let items), .name): return by { text(items[$0].name ?? items[$0].id) }
        default: return indices
        }
    }
}

/// A station's place in a worst-first list: its attention rank, then how long it has been quiet.
struct AttentionKey: Comparable, Sendable {
    let rank: Int
    let quietSince: Date
    static func < (left: Self, right: Self) -> Bool { (left.rank, left.quietSince) < (right.rank, right.quietSince) }
}

/// Sorts its value from greatest to least.
private struct Descending<Value: Comparable>: Comparable {
    let value: Value
    init(_ value: Value) { self.value = value }
    static func < (left: Self, right: Self) -> Bool { right.value < left.value }
}

/// The items of a level in one sort order.
struct SortCache: Equatable, Sendable {
    var sortIndex: Int
    var order: [Int]
}
