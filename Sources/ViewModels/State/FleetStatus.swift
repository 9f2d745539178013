public import ChargEyeAPI
public import ChargEyeFleet
public import Foundation

/// The whole fleet's live stations, read once the locations are in (one `GET /stations`,
/// or location by location when the server refuses that) and refreshed like a live view while
/// the locations list is on screen: it gives every location row its status at once and the
/// roll-up line the fleet's totals.
public struct FleetStatus: Equatable, Sendable {
    /// The read in flight, if any.
    public internal(set) var requestID: RequestID?
    /// How far the read in flight has got (locations read one by one, or stations so far).
    public internal(set) var progress: FleetProgress?
    /// The stations of the last good read.
    public internal(set) var stations = StationTable()
    /// Counts of the last good read (nil before the first).
    public internal(set) var totals: Rollup?
    /// When the last good read arrived.
    public internal(set) var loadedAt: Date?
    /// The last read's failure, while the next has not succeeded.
    public internal(set) var failure: ChargEyeError?
    /// When the last read ended (success or failure), for the refresh schedule.
    var endedAt: Date?
    var failuresInARow = 0
    /// Locations the last read could not read (location by location only).
    public internal(set) var gaps = 0
    /// Whether the last read came location by location (and how many).
    public internal(set) var source: FleetStations.Source?
    /// Location names by id, from the last good read.
    public internal(set) var locationNames: [String: String] = [:]
    /// The read in flight's stations so far, counted by location as its progress arrives.
    var countedSoFar = RollupsByLocation()

    public var isLoading: Bool { requestID != nil }
}

extension AppState {
    /// Starts reading the fleet unless a read is under way.
    mutating func loadFleet() -> [Effect] {
        guard !fleet.isLoading else { return [] }
        let id = requests.start(.fleet)
        fleet.requestID = id
        fleet.progress = nil
        return [.load(id, .fleet)]
    }

    /// Stops a fleet read in flight (Esc); the figures shown stay, the next read comes on
    /// the refresh schedule.
    mutating func cancelFleetRead() -> [Effect] {
        guard let id = fleet.requestID else { return [] }
        _ = requests.finish(id)
        fleet.requestID = nil
        fleet.progress = nil
        fleet.countedSoFar = RollupsByLocation()
        fleet.endedAt = now
        return [.cancel(id)]
    }

    /// When the fleet is read again: like a live view (interval, backoff after failures, not
    /// while paused), and only while the locations list is on screen (the Stations view
    /// refreshes as a live level of its own). A failure that would only repeat (too large, no
    /// permission) waits for `r`.
    var nextFleetRefresh: Date? {
        guard stack.count == 1, stack[0].kind == .locations, !livePaused, !fleet.isLoading, let last = fleet.endedAt else { return nil }
        if let failure = fleet.failure, !failure.isRetryable { return nil }
        return refreshDue(after: last, failures: fleet.failuresInARow, fleetRead: true)
    }

    /// Notes a fleet read's progress (the background read's, or the Stations view's own).
    mutating func receiveFleetProgress(_ id: RequestID, _ progress: FleetProgress) {
        guard fleet.requestID == id || stack[0].load.requestID == id else { return }
        fleet.progress = progress
        if !progress.soFar.isEmpty { fleet.countedSoFar.count(progress.soFar) }
        showArrivingStations(progress, of: id)
    }

    /// The Stations view's first read shows its stations as they arrive, sorted and filtered
    /// as the view asks, so the first rows come long before the last byte (each report adds
    /// to the list shown, which shares its rows). A reload keeps the last good list until the
    /// new one is complete.
    private mutating func showArrivingStations(_ progress: FleetProgress, of id: RequestID) {
        guard stack[0].kind == .fleetStations, stack[0].load.requestID == id, !progress.soFar.isEmpty,
            case .level(_, .first)? = requests[id]?.purpose
        else { return }
        stack[0].extend(to: .stations(progress.soFar))
        stack[0].load = .loading(InFlight(id: id, reason: .first, partsRestarts: 0, heldBack: nil))
        stack[0].refreshVisible(rollups: rollups, listRows: listRows)
    }

    /// Takes a fleet read's answer: every location's roll-up at once, the locations whose
    /// counts changed highlighted, status changes in the event list. A failure keeps the last
    /// good figures (the roll-up line says STALE).
    mutating func receiveFleet(_ result: Result<APIResponse, ChargEyeError>) -> [Effect] {
        fleet.requestID = nil
        fleet.progress = nil
        fleet.endedAt = now
        switch result {
        case .success(.fleet(let read)):
            let before = fleet.stations
            let changed = absorbFleet(read)
            if stack.count == 1, stack[0].kind == .locations, !before.isEmpty {
                changedIDs = changed
                let found = StatusEvent.transitions(from: .stations(before), to: .stations(read.stations), at: now)
                events = Array((found.reversed() + events).prefix(Self.eventLimit))
            }
            return Self.logLines(read)
        case .success:
            return []
        case .failure(let error):
            fleet.countedSoFar = RollupsByLocation()
            fleet.failure = error
            fleet.failuresInARow += 1
            return [.log("fleet read failed: \(error.description)")]
        }
    }

    /// Takes a good read of the fleet, from the background read or the Stations view: the
    /// figures, every location's roll-up, and the locations list's order. Returns the ids of
    /// the locations whose counts changed.
    mutating func absorbFleet(_ read: FleetStations) -> Set<String> {
        fleet.stations = read.stations
        fleet.loadedAt = now
        fleet.endedAt = now
        fleet.progress = nil
        fleet.failure = nil
        fleet.failuresInARow = 0
        fleet.gaps = read.gaps.count
        fleet.source = read.source
        fleet.locationNames = read.locationNames
        let changed = applyFleetRollups(read)
        if stack[0].kind == .locations { stack[0].refreshVisible(rollups: rollups, listRows: listRows) }
        if var hidden = otherRoot, hidden.kind == .locations {
            hidden.refreshVisible(rollups: rollups, listRows: listRows)
            otherRoot = hidden
        }
        return changed
    }

    /// What a fleet read leaves in the log: duplicate ids, locations that failed.
    static func logLines(_ read: FleetStations) -> [Effect] {
        var effects: [Effect] = read.duplicateIds.isEmpty ? [] : [.log("GET /stations: station ids listed more than once, shown once: \(read.duplicateIds.prefix(10).joined(separator: ", "))")]
        if let gap = read.gaps.first {
            effects.append(.log("fleet read: \(read.gaps.count) locations could not be read; first: \(gap.error.description)"))
        }
        return effects
    }

    /// Replaces the fleet's totals and the roll-ups of every location the read covered (one
    /// pass over the stations); returns the ids whose counts changed.
    private mutating func applyFleetRollups(_ read: FleetStations) -> Set<String> {
        fleet.countedSoFar.count(read.stations)
        let byLocation = fleet.countedSoFar.rollups
        fleet.countedSoFar = RollupsByLocation()
        fleet.totals = Rollup(adding: byLocation.values)
        let missing = Set(read.gaps.map(\.locationUid))
        var changed = Set<String>()
        func set(_ uid: String, _ rollup: Rollup) {
            if let old = rollups[uid], old != rollup { changed.insert(uid) }
            rollups[uid] = rollup
        }
        for (uid, rollup) in byLocation where !uid.isEmpty { set(uid, rollup) }
        // A listed location with no station in a whole answer has none.
        let locationsRoot = stack[0].kind == .locations ? stack[0] : otherRoot
        if case .locations(let table)? = locationsRoot?.data {
            for index in table.indices {
                guard let uid = table.text(.id, at: index), byLocation[uid] == nil, !missing.contains(uid) else { continue }
                set(uid, Rollup())
            }
        }
        return changed
    }
}
