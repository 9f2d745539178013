import ChargEyeAPI
import ChargEyeUsage

/// What was printed is short of the whole: some locations of a location-by-location fleet
/// read failed. Exits 5 after the output, like a list whose paging broke off.
struct IncompleteAnswer: Error, CustomStringConvertible {
    let description: String

    /// nil when the fleet read is whole.
    init?(_ fleet: FleetStations) {
        guard let first = fleet.gaps.first else { return nil }
        let count = fleet.gaps.count
        description = "\(count) \(count == 1 ? "location" : "locations") could not be read, so the output covers the rest; first: \(first.error.description)"
    }
}

extension IncompleteAnswer {
    /// nil when every station's transactions were read to the end.
    init?(_ history: TransactionHistory) {
        let incomplete = history.incomplete
        guard let first = incomplete.first else { return nil }
        let count = incomplete.count
        let reason = first.failure?.description ?? "stopped"
        description = "\(count) \(count == 1 ? "station's" : "stations'") transactions could not be read to the end, so the report covers what came; first: \(first.stationId): \(reason)"
    }
}
