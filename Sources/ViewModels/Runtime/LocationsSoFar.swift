public import ChargEyeAPI

/// The locations of a streamed answer that arrived so far: the whole list each time, shared
/// with the reader rather than copied, so the list takes over just the rows it lacks.
public struct LocationsSoFar: Sendable, Equatable {
    public var locations: LocationTable
    /// How often the answer started over (one that is not the plain shape is decoded whole at
    /// the end and replaces the parts before it).
    public var restarts: Int
    /// The locations' search text, folded by the reader as the parts came (empty when it
    /// was not: the list then folds it itself).
    var searchIndex = SearchIndex()
    /// The locations' positions in name order (the list's first sort), kept up by the reader
    /// (`orderNewRows`), so the terminal's thread sorts nothing while a long list streams in.
    var nameOrder: [Int] = []

    public init(locations: LocationTable = LocationTable(), restarts: Int = 0) {
        self.locations = locations
        self.restarts = restarts
    }

    /// Adds a part of the answer, folding its search text: on the reader's side, not the
    /// terminal's.
    mutating func add(_ part: LocationPart) {
        if part.replacesEarlierParts { self = LocationsSoFar(restarts: restarts + 1) }
        let before = locations.count
        locations.append(contentsOf: part.locations)
        Level.addToIndex(&searchIndex, data: .locations(locations), items: before..<locations.count)
    }

    /// Puts the rows added since the last call into `nameOrder` (their own sort, then one
    /// pass over the rest): once per pass on to the list, on the reader's side.
    mutating func orderNewRows() {
        // Only rows the reader folded (all of them, when every part came through `add`).
        guard nameOrder.count < locations.count, searchIndex.count == locations.count else { return }
        nameOrder = searchIndex.merging(Array(nameOrder.count..<locations.count), into: nameOrder, byFields: Level.nameFields)
    }
}
