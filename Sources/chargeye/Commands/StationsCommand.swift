import ArgumentParser
import ChargEyeAPI

/// `chargeye stations [LOCATION_UID]`: a location's stations, or the whole fleet's, live (or
/// a location's asset records).
struct StationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stations",
        abstract: "List charging stations with live status: a location's, or without one every station you can see."
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The location's id; without it, the whole fleet in one call (or location by location when the server refuses that).")
    var locationUid: String?

    @OptionGroup var fleet: FleetOptions

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp(
        "Only stations with one of these statuses (comma-separated, any case): a station status (Faulted), an online status (Offline) or a connector status (Charging).",
        valueName: "list"
    ))
    var status: String?

    @Flag(help: "Show a location's asset view (model, firmware, serial number) instead of live status; JSON only.")
    var assets = false

    func validate() throws {
        if let locationUid, let other = fleet.location, locationUid != other {
            throw ValidationError("give the location once: as the argument or as --location")
        }
        if assets, format != .json { throw ValidationError("--assets prints JSON; add --format json") }
        if assets, (locationUid ?? fleet.location) == nil { throw ValidationError("--assets is a location's asset view; give the location's id") }
        if assets, status != nil { throw ValidationError("--status filters live status; it does not apply to --assets") }
        _ = try StatusFilter(status)
    }

    @OptionGroup var repeating: WatchOption

    func run() async throws {
        let filter = try StatusFilter(status)
        var scope = fleet
        scope.location = locationUid ?? fleet.location
        let locationUid = scope.location
        try await repeating.run(connection) { [assets, format, scope] session in
            if assets, let locationUid {
                let (records, source) = try await session.client.keepingSource { try await $0.stationAssets(locationUid: locationUid) }
                return try JSONOutput.array(records, sources: source?.member("stations")?.elements)
            }
            let (read, source) = try await session.client.keepingSource(format == .json) { _ in
                try await scope.read(session, progress: FleetProgressLine().report)
            }
            let all = read.stations
            let kept = all.indices.filter { filter?.matches(all[$0]) ?? true }
            // Sources line up only with a single answer that held each station once.
            let sources = read.source == .unfiltered || locationUid != nil ? source?.member("stations")?.elements : nil
            let text = try StationRecords.render(
                kept.map { all[$0] }, sources: sources?.count == all.count ? kept.map { sources![$0] } : nil,
                format: format, showLocation: locationUid == nil
            )
            if let incomplete = IncompleteAnswer(read) {
                Standard.write(text + "\n")
                throw incomplete
            }
            return text
        }
    }
}

/// `--status`: the statuses a station must show one of, compared without regard to case.
struct StatusFilter {
    let wanted: Set<String>

    /// nil for no filter; a usage error for a list with nothing in it.
    init?(_ list: String?) throws {
        guard let list else { return nil }
        let values = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        guard !values.isEmpty else { throw ValidationError("--status needs at least one status, e.g. --status offline,faulted") }
        wanted = Set(values)
    }

    /// Whether the station's status, online status or any connector's status is wanted.
    func matches(_ station: Station) -> Bool {
        let statuses = [station.status?.text, station.onlineStatus?.text] + (station.connectors ?? []).map { $0.status?.text }
        return statuses.contains { $0.map { wanted.contains($0.lowercased()) } ?? false }
    }
}
