import Foundation

/// Every station the caller can see, and how chargeye got them.
public struct FleetStations: Sendable, Equatable {
    /// How the stations were read.
    public enum Source: Sendable, Equatable {
        /// One `GET /stations` without a filter.
        case unfiltered
        /// The server refused that, so one `GET /stations?locationUid=` per location.
        case perLocation(locations: Int)
        /// One location only, as asked.
        case location(String)
    }

    /// A location whose stations could not be read (per-location reads only).
    public struct Gap: Sendable, Equatable {
        /// The location's id.
        public var locationUid: String
        /// Why.
        public var error: ChargEyeError

        /// Creates a gap.
        public init(locationUid: String, error: ChargEyeError) {
            self.locationUid = locationUid
            self.error = error
        }
    }

    /// The stations, each station id once, in the order the server gave them.
    public var stations: StationTable
    /// How they were read.
    public var source: Source
    /// Locations that failed: the stations are then incomplete.
    public var gaps: [Gap]
    /// Station ids the answer held more than once (the first is kept).
    public var duplicateIds: [String]
    /// Location names by id, from the locations list when it was read (the fallback), else
    /// from each station's embedded `location`.
    public var locationNames: [String: String]

    /// Whether some locations' stations are missing.
    public var isIncomplete: Bool { !gaps.isEmpty }

    /// Keeps the first station of each id and records the others, and names locations from
    /// the stations' own `location` where `names` has no entry.
    public init(collecting stations: some Sequence<Station>, source: Source, gaps: [Gap] = [], names: [String: String] = [:]) {
        var collector = StationCollector(names: names)
        collector.add(contentsOf: StationTable(stations))
        self.init(collector, source: source, gaps: gaps)
    }

    /// What `collector` gathered.
    init(_ collector: StationCollector, source: Source, gaps: [Gap] = []) {
        self.stations = collector.stations
        self.duplicateIds = collector.duplicateIds
        self.locationNames = collector.names
        self.source = source
        self.gaps = gaps
    }
}

/// How far a fleet read has got: "fleet 120/500 locations" one by one, or "fleet 4000
/// stations" while the one unfiltered call streams in.
public struct FleetProgress: Sendable, Equatable {
    /// Locations answered (or failed) so far, in a location-by-location read.
    public var done: Int
    /// Locations to read; 0 for the one unfiltered call.
    public var total: Int
    /// Stations read so far by the unfiltered call, as its answer streams in.
    public var stations: Int
    /// Every station the unfiltered call read so far (shared with the reader, not copied),
    /// for a view that shows the first rows before the rest arrive.
    public var soFar: StationTable

    /// Creates a progress report.
    public init(done: Int, total: Int, stations: Int = 0, soFar: StationTable = StationTable()) {
        self.done = done
        self.total = total
        self.stations = stations
        self.soFar = soFar
    }

    /// Whether it tells of a read still under way (the report sent at the end does not).
    public var isUnderWay: Bool { total > 0 ? done < total : stations > 0 }
}

/// How chargeye reads the fleet when the server refuses `GET /stations` without a filter.
public struct FleetReadPolicy: Sendable, Equatable {
    /// At most this many locations are read one by one; past it chargeye stops and says so.
    public let locationLimit: Int
    /// Requests in flight at once (at least 1).
    public let concurrency: Int

    /// The documented defaults: 500 locations, 4 at a time.
    public static let standard = FleetReadPolicy(locationLimit: 500, concurrency: 4)

    /// Creates a policy.
    public init(locationLimit: Int, concurrency: Int) {
        self.locationLimit = locationLimit
        self.concurrency = max(1, concurrency)
    }
}
