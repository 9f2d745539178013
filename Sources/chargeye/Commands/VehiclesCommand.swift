import ArgumentParser
import ChargEyeAPI

/// `chargeye vehicles LOCATION_UID`: a depot's vehicle registry.
struct VehiclesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vehicles", abstract: "List a location's vehicles (needs a ChargEye for Depots licence)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The location's id.")
    var locationUid: String

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    static let fields = ["id", "name", "evModel", "licensePlate", "fullChargeEnergykWh", "maxChargePowerkW", "evMacAddress"]

    @OptionGroup var repeating: WatchOption

    func run() async throws {
        try await repeating.run(connection) { [locationUid, format] session in
            let (vehicles, source) = try await session.client.keepingSource(format == .json) { try await $0.vehicles(locationUid: locationUid) }
            let rows = vehicles.map { vehicle in
                [vehicle.id, vehicle.name ?? "", vehicle.evModel ?? "", vehicle.licensePlate ?? "",
                 vehicle.fullChargeEnergykWh?.text ?? "", vehicle.maxChargePowerkW?.text ?? "", vehicle.evMacAddress ?? ""]
            }
            switch format {
            case .table:
                let columns: [TextTable.Column] = [
                    .init(title: "ID", flexible: false), .init(title: "NAME"), .init(title: "MODEL"), .init(title: "PLATE"),
                    .init(title: "BATTERY KWH", alignRight: true, flexible: false), .init(title: "MAX KW", alignRight: true, flexible: false),
                    .init(title: "EV MAC"),
                ]
                return TextTable(columns: columns, rows: rows).render(width: Standard.terminalWidth)
            case .json: return try JSONOutput.array(vehicles, sources: source?.member("vehicles")?.elements)
            case .csv: return CSVWriter.render(header: Self.fields, rows: rows)
            }
        }
    }
}
