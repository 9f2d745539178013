import ChargEyeAPI
import Foundation
import TerminalUI
import ViewModels

/// In-process measurements of the work behind one screen: decoding, filtering, sorting, drawing.
struct MicroBenchmarks {
    /// Decoding the locations answer through the real client (middlewares, UTF-8 check,
    /// generated decoder), as the command line does: milliseconds per decode and MB/s.
    static func decode(_ rows: ReferenceRows, repeats: Int) async throws -> (milliseconds: Double, megabytesPerSecond: Double) {
        try await timeDecoding(rows, repeats: repeats) { try await $0.locations().count }
    }

    /// The browser's path for the same answer: read as a stream, the regular items decoded
    /// straight from the bytes into location tables.
    static func decodeStreamed(_ rows: ReferenceRows, repeats: Int) async throws -> (milliseconds: Double, megabytesPerSecond: Double) {
        try await timeDecoding(rows, repeats: repeats) { try await $0.streamLocations { _ in } }
    }

    private static func timeDecoding(
        _ rows: ReferenceRows, repeats: Int, _ read: (ChargEyeClient) async throws -> Int
    ) async throws -> (milliseconds: Double, megabytesPerSecond: Double) {
        let transport = FixedBodyTransport()
        transport.answer(with: rows.json)
        var configuration = ChargEyeConfiguration(baseURL: URL(string: "http://bench.invalid/api")!, refreshToken: Secret("bench"))
        configuration.tokenCacheDirectory = nil
        let client = try ChargEyeClient(configuration: configuration, transport: transport)
        _ = try await read(client)
        var samples: [Double] = []
        for _ in 0..<repeats {
            let start = Clock.nanoseconds()
            let count = try await read(client)
            samples.append(Double(Clock.nanoseconds() - start) / 1e6)
            precondition(count == rows.count)
        }
        let median = Statistics.median(samples)
        return (median, Double(rows.json.count) / 1_048_576 / (median / 1000))
    }

    /// A browser state with `locations` loaded at `width` x `height`.
    static func loadedState(_ locations: [Location], width: Int, height: Int) -> AppState {
        var state = AppState(connectionLabel: "bench", isDemo: true, now: Date(), keyMap: .standard, refreshInterval: 30)
        _ = state.update(.resized(width: width, height: height))
        for effect in state.start() {
            if case .load(let id, _) = effect { for message in Message.locationsArrived(id, locations) { _ = state.update(message) } }
        }
        return state
    }

    /// One filter keystroke each, typing common prefixes and clearing in between: p50 and p99 in ms.
    static func filterKeystrokes(_ locations: [Location]) -> (p50: Double, p99: Double, samples: Int) {
        var state = loadedState(locations, width: 200, height: 50)
        var samples: [Double] = []
        for word in ["hels", "osl", "depot", "stat", "ber", "yard", "airp", "a", "e", "mu"] {
            _ = state.update(.keyPressed(.character("/")))
            for character in word {
                let start = Clock.nanoseconds()
                _ = state.update(.keyPressed(.character(character)))
                samples.append(Double(Clock.nanoseconds() - start) / 1e6)
            }
            for _ in word { _ = state.update(.keyPressed(.backspace)) }
            _ = state.update(.keyPressed(.escape))
        }
        return (Statistics.percentile(samples, 50), Statistics.percentile(samples, 99), samples.count)
    }

    /// One sort key press (the next sort order) over all rows: median ms.
    static func sort(_ locations: [Location]) -> Double {
        var state = loadedState(locations, width: 200, height: 50)
        var samples: [Double] = []
        for _ in 0..<6 {
            let start = Clock.nanoseconds()
            _ = state.update(.keyPressed(.character("s")))
            samples.append(Double(Clock.nanoseconds() - start) / 1e6)
        }
        return Statistics.median(samples)
    }

    /// One switch between the Locations and Stations views (`S`) with `perLocation` stations
    /// at every location loaded, the key and the next frame's drawing: median ms.
    static func viewSwitch(_ locations: [Location], perLocation: Int) -> (milliseconds: Double, stations: Int) {
        var state = loadedState(locations, width: 120, height: 30)
        let stations = locations.flatMap { location in
            (0..<perLocation).map { number in
                Station(
                    stationId: "\(location.id)-S\(number)", name: "Bay \(number)",
                    status: .init(number % 50 == 0 ? "Faulted" : "Operative"), onlineStatus: .init(number % 70 == 0 ? "Offline" : "Online"),
                    connectors: (1...4).map { Connector(connectorId: .case2("\($0)"), _type: .init("CCS"), status: .init($0 == 1 ? "Charging" : "Available")) },
                    location: .init(name: location.name), locationUid: location.id, maxPowerKw: 400, currentPowerKw: 75
                )
            }
        }
        if let read = state.fleet.requestID {
            _ = state.update(.loaded(read, .success(.fleet(FleetStations(collecting: stations, source: .unfiltered)))))
        }
        _ = state.update(.keyPressed(.character("S")))
        _ = state.update(.keyPressed(.character("S")))
        var samples: [Double] = []
        for _ in 0..<20 {
            let start = Clock.nanoseconds()
            _ = state.update(.keyPressed(.character("S")))
            let grid = Screen.draw(state)
            samples.append(Double(Clock.nanoseconds() - start) / 1e6)
            precondition(grid.width == 120)
        }
        return (Statistics.median(samples), stations.count)
    }

    /// One whole-screen draw into the cell grid at 200x50: median µs.
    static func draw(_ locations: [Location]) -> Double {
        var state = loadedState(locations, width: 200, height: 50)
        var samples: [Double] = []
        for index in 0..<300 {
            if index % 3 == 0 { _ = state.update(.keyPressed(.character("j"))) }
            let start = Clock.nanoseconds()
            let grid = Screen.draw(state)
            samples.append(Double(Clock.nanoseconds() - start) / 1e3)
            precondition(grid.width == 200)
        }
        return Statistics.median(samples)
    }
}
