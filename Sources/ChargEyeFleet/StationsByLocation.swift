public import ChargEyeAPI

/// Stations grouped by their location id ("" for stations that do not say), locations in
/// the order they first appear: the one grouping the roll-ups, checks and metrics share.
public struct StationsByLocation: Sendable {
    /// Location ids in order of first appearance.
    public let order: [String]
    /// Each location's stations, in the order given (kept compact: a fleet's are many).
    public let stations: [String: StationTable]

    public init(_ all: some Sequence<Station>) {
        var order: [String] = []
        var stations: [String: StationTable] = [:]
        for station in all {
            let uid = station.locationUid ?? ""
            if stations[uid] == nil { order.append(uid) }
            stations[uid, default: StationTable()].append(station)
        }
        self.order = order
        self.stations = stations
    }
}
