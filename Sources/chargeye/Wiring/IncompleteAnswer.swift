import ChargEyeAPI

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
