import ChargEyeAPI
import Foundation

/// The simulator's data: every location generated once at start-up (fast enough for 100,000)
/// and kept in a compact table, everything below a location generated on demand from the same
/// seed.
struct Fleet: Sendable {
    let generator: FleetGenerator
    let locations: LocationTable
    private let indexById: [String: Int]

    /// Builds `count` locations from `seed`; history is counted back from `epoch`.
    init(seed: UInt64, count: Int, epoch: Date, variance: Bool) {
        generator = FleetGenerator(seed: seed, epoch: FleetGenerator.wholeMilliseconds(epoch), variance: variance)
        var locations = Self.generate(count) { [generator] in generator.location(index: $0) }
        var indexById = [String: Int](minimumCapacity: count)
        for index in locations.indices {
            var id = locations.text(.id, at: index) ?? ""
            if indexById[id] != nil {
                var location = locations[index]
                while indexById[location.id] != nil { location.id += "x" }
                locations.replace(at: index, with: location)
                id = location.id
            }
            indexById[id] = index
        }
        self.locations = locations
        self.indexById = indexById
    }

    /// Builds the fleet on a thread of its own: 100,000 locations take seconds (more in a
    /// debug build), and on Swift's cooperative pool, one thread per core, that would hold up
    /// every other task of the process meanwhile (the browser's, in the demo; other servers'
    /// answers, in the tests).
    static func generated(seed: UInt64, count: Int, epoch: Date, variance: Bool) async -> Fleet {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: Fleet(seed: seed, count: count, epoch: epoch, variance: variance)) }.start()
        }
    }

    /// `make(0..<count)`, the work shared by the cores (each location depends on its index only).
    private static func generate(_ count: Int, _ make: @escaping @Sendable (Int) -> Location) -> LocationTable {
        let slices = count < 200 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let parts = Locked([LocationTable](repeating: LocationTable(), count: slices))
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = (count * slice / slices)..<(count * (slice + 1) / slices)
            let made = LocationTable(range.lazy.map(make))
            parts.withLock { $0[slice] = made }
        }
        return parts.withLock { parts in parts.reduce(into: LocationTable()) { $0.append(contentsOf: $1) } }
    }

    /// The index of a location by its id.
    func index(of locationUid: String) -> Int? {
        indexById[locationUid]
    }

    /// The live stations of a location.
    func stations(locationUid: String, now: Date) -> [Components.Schemas.StationInfo]? {
        guard let index = index(of: locationUid) else { return nil }
        return generator.stations(locationIndex: index, location: locations[index], now: now)
    }

    /// The live view of the given stations, wherever they are.
    func stations(ids: [String], now: Date) -> [Components.Schemas.StationInfo] {
        let wanted = Set(ids)
        let locationIndexes = Set(ids.compactMap { generator.parse(stationId: $0)?.locationIndex })
        return locationIndexes.sorted().flatMap { index in
            generator.stations(locationIndex: index, location: locations[index], now: now)
                .filter { wanted.contains($0.stationId) }
        }
    }

    /// The live view of every station of every location, location by location.
    func allStations(now: Date) -> [Components.Schemas.StationInfo] {
        stations(locationIndices: locations.indices, now: now)
    }

    /// The live stations of the locations at `indices`, in their order.
    func stations(locationIndices indices: Range<Int>, now: Date) -> [Components.Schemas.StationInfo] {
        indices.flatMap { generator.stations(locationIndex: $0, location: locations[$0], now: now) }
    }

    /// Every depot's vehicles.
    func allVehicles() -> [Components.Schemas.Vehicle] {
        locations.indices.flatMap { generator.vehicles(locationIndex: $0, locationUid: locations.text(.id, at: $0) ?? "") }
    }

    /// The asset records of a location's stations.
    func assets(locationUid: String) -> [Components.Schemas.LocationChargingStation]? {
        guard let index = index(of: locationUid) else { return nil }
        return generator.assets(locationIndex: index, location: locations[index])
    }

    /// A station's transactions, newest first, or nil for an unknown station.
    func transactions(stationId: String) -> [Components.Schemas.Transaction]? {
        guard let (index, _) = generator.parse(stationId: stationId), index < locations.count else { return nil }
        return generator.transactions(stationId: stationId, locationIndex: index, location: locations[index])
    }

    /// The vehicles of a location (depots only).
    func vehicles(locationUid: String) -> [Components.Schemas.Vehicle]? {
        guard let index = index(of: locationUid) else { return nil }
        return generator.vehicles(locationIndex: index, locationUid: locationUid)
    }
}
