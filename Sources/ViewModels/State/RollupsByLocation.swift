import ChargEyeAPI
import ChargEyeFleet

/// Each location's counts over a table of stations that grows while a read streams in:
/// counting a longer version of the table counts just its new rows, so the end of a large
/// read, when the screen waits for the totals, counts only its last stations.
struct RollupsByLocation: Equatable, Sendable {
    /// The table counted.
    private var counted = StationTable()
    /// Counts by location id ("" for stations that do not say).
    private(set) var rollups: [String: Rollup] = [:]

    /// Counts `stations`: only the rows added when it is the table counted before, grown;
    /// afresh otherwise.
    mutating func count(_ stations: StationTable) {
        if !stations.isExtension(of: counted) { self = RollupsByLocation() }
        for position in counted.count..<stations.count {
            rollups[stations.locationUid(at: position) ?? "", default: Rollup()].add(stations.statuses(at: position))
        }
        counted = stations
    }
}
