import ArgumentParser
import ChargEyeAPI
import Foundation

/// The options of the fleet commands (`status`, `check`, `metrics`, `exporter`): one location
/// or the whole fleet, and how far the location-by-location fallback may go.
struct FleetOptions: ParsableArguments {
    /// The limits `--fleet-limit` and `fleet_limit` accept.
    static let limitRange = 1...100_000

    @Option(help: ArgumentHelp("Only this location (its id); without it, every station you can see.", valueName: "uid"))
    var location: String?

    @Option(help: ArgumentHelp(
        "When the server refuses the fleet-wide GET /stations: read at most this many locations one by one, 4 at a time (default 500, or fleet_limit in the config).",
        valueName: "n"
    ))
    var fleetLimit: Int?

    func validate() throws {
        if let fleetLimit, !Self.limitRange.contains(fleetLimit) {
            throw ValidationError("--fleet-limit must be between \(Self.limitRange.lowerBound) and \(Self.limitRange.upperBound)")
        }
        if let location, location.isEmpty { throw ValidationError("--location needs a location id") }
    }

    /// Reads the stations in scope; how far it has got goes to `progress`.
    func read(_ session: Session, progress: @escaping @Sendable (FleetProgress) -> Void = { _ in }) async throws -> FleetStations {
        if let location {
            return FleetStations(collecting: try await session.client.stations(locationUid: location), source: .location(location))
        }
        defer { progress(FleetProgress(done: 0, total: 0)) }
        return try await session.client.fleetStations(policy: session.fleetPolicy(limit: fleetLimit), progress: progress)
    }
}

extension Session {
    /// How this session reads the fleet when the server refuses the unfiltered call: `limit`
    /// (`--fleet-limit`), else the configuration's `fleet_limit`, else 500; 4 at a time.
    func fleetPolicy(limit: Int? = nil) -> FleetReadPolicy {
        FleetReadPolicy(
            locationLimit: limit ?? config.fleetLimit ?? FleetReadPolicy.standard.locationLimit,
            concurrency: FleetReadPolicy.standard.concurrency
        )
    }
}

/// "fleet 120/500 locations" (or "fleet 4000 stations" while the one call streams in) on a
/// terminal's standard error, rewritten in place; nothing when standard error is not a
/// terminal (a script, a monitoring agent).
struct FleetProgressLine: Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1

    /// Shows `progress`; a whole read (done = total, or the 0/0 sent at the end) clears the line.
    func report(_ progress: FleetProgress) {
        guard enabled else { return }
        guard progress.isUnderWay else { return Standard.errorRaw("\r\u{1B}[K") }
        let text = progress.total > 0 ? "\(progress.done)/\(progress.total) locations" : "\(progress.stations) stations"
        Standard.errorRaw("\r\u{1B}[Kfleet \(text)")
    }
}
