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
    mutating func add(contentsOf batch: some Sequence<Station>) {
        for station in batch {
            guard seen.insert(station.stationId).inserted else {
                duplicateIds.append(station.stationId)
                continue
            }
            if let uid = station.locationUid, names[uid] == nil, let name = station.location?.name { names[uid] = name }
            stations.append(station)
        }
    }
}
