import ArgumentParser
import ChargEyeAPI

/// `chargeye connectors STATION_ID...`: connectors with status and the live or last session.
struct ConnectorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connectors", abstract: "List the connectors of stations, with status and the live or last session."
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "One or more station ids.")
    var stationIds: [String]

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var repeating: WatchOption

    func validate() throws {
        if stationIds.isEmpty { throw ValidationError("give at least one station id") }
    }

    func run() async throws {
        try await repeating.run(connection) { [stationIds, format] session in
            let (stations, source) = try await session.client.keepingSource(format == .json) { try await $0.stations(ids: stationIds) }
            let missing = Set(stationIds).subtracting(stations.map(\.stationId))
            guard missing.isEmpty else {
                throw ChargEyeError.http(.init(
                    request: .init(method: "GET", path: "/stations"), status: 404,
                    serverMessage: "no station \(missing.sorted().joined(separator: ", ")) in the answer"
                ))
            }
            return try ConnectorRecords.render(stations, source: source, format: format)
        }
    }
}
