/// Gathers a fleet's stations as they come, batch by batch or location by location: each
/// station id once (the first kept, later ones recorded), and location names taken from the
/// stations' own `location` where none was given. A view that shows the stations while they
/// arrive then never shows one twice.
struct StationCollector: Sendable {
    /// The stations so far, each id once, in the order they came.
    private(set) var stations = StationTable()
    /// Station ids that came more than once.
    private(set) var duplicateIds: [String] = []
    /// Location names by id.
    private(set) var names: [String: String]
    private var seen = Set<String>()

    init(names: [String: String] = [:]) {
        self.names = names
    }

    /// Adds the stations of `batch` whose ids are new.
    mutating func add(contentsOf batch: StationTable) {
        stations.append(contentsOf: batch) { position in
            let id = batch.stationId(at: position)
            guard seen.insert(id).inserted else {
                duplicateIds.append(id)
                return false
            }
            if let uid = batch.locationUid(at: position), names[uid] == nil, let name = batch.locationName(at: position) { names[uid] = name }
            return true
        }
    }
}
