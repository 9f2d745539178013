import ChargEyeAPI
import ChargEyeSimulator
import Foundation

/// The locations the demo shows, fetched from the simulator once per size: as the raw JSON
/// answer (for the decoding benchmark), as decoded values (for the view-model benchmarks) and
/// as text rows in a file (what `less` reads).
struct ReferenceRows {
    let count: Int
    let json: Data
    let locations: [Location]
    let textFile: URL

    static func make(count: Int, in directory: URL) async throws -> ReferenceRows {
        var configuration = Simulator.Configuration()
        configuration.locations = count
        let simulator = try await Simulator.start(configuration)
        var clientConfiguration = ChargEyeConfiguration(baseURL: simulator.baseURL, refreshToken: Secret(simulator.refreshToken))
        clientConfiguration.tokenCacheDirectory = nil
        let client = try ChargEyeClient(configuration: clientConfiguration)
        let json = try await client.get(path: "/locations").body
        let locations = try await client.locations()
        await simulator.stop()
        let rows = locations.map { location in
            [location.name ?? "", location.city ?? "", location.countryCode ?? "", location.address ?? "", location.id]
                .map { $0.padding(toLength: max($0.count, 24), withPad: " ", startingAt: 0) }.joined(separator: " ")
        }
        let textFile = directory.appendingPathComponent("locations-\(count).txt")
        try rows.joined(separator: "\n").write(to: textFile, atomically: true, encoding: .utf8)
        return ReferenceRows(count: count, json: json, locations: locations, textFile: textFile)
    }
}
