import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

/// Small, readable data for view-model tests.
enum Fixtures {
    static let start = Date(timeIntervalSince1970: 1_764_000_000)
    static let utc = TimeZone(identifier: "UTC")!

    static func location(_ id: String, _ name: String, city: String, country: String = "Finland", code: String = "FI") -> Location {
        Location(id: id, name: name, address: "Street 1", city: city, country: country, countryCode: code)
    }

    static let locations: [Location] = [
        location("L1", "Vantaa Bus Depot", city: "Vantaa"),
        location("L2", "Jyväskylä Service Station", city: "Jyväskylä"),
        location("L3", "Oslo Airport P3", city: "Oslo", country: "Norway", code: "NO"),
        location("L4", "Berlin Fleet Yard", city: "Berlin", country: "Germany", code: "DE"),
    ]

    static func connector(_ id: String, _ status: String, power: Double? = nil) -> Connector {
        Connector(
            connectorId: .case2(id), name: "Satellite \(id) CCS", _type: .init("CCS"), status: .init(status), maxPowerKw: 400,
            latestTransaction: power.map { .init(txId: "tx-\(id)", status: .init("Charging"), startTime: start.addingTimeInterval(-1200), chargedEnergyKwh: 30, powerKw: $0, soc: 55) }
        )
    }

    static let stations: [Station] = [
        Station(stationId: "S1", name: "Hall A", status: .init("Operative"), onlineStatus: .init("Online"),
                connectors: [connector("1", "Charging", power: 120), connector("2", "Available")], maxPowerKw: 600),
        Station(stationId: "S2", name: "Bay 5", status: .init("Faulted"), onlineStatus: .init("Online"),
                connectors: [connector("1", "Faulted")], maxPowerKw: 0),
    ]

    static func transaction(_ id: String, minutesAgo: Double) -> Transaction {
        Transaction(txId: id, stationId: "S1", evseId: .case2("1"), startTime: start.addingTimeInterval(-minutesAgo * 60),
                    endTime: start.addingTimeInterval(-minutesAgo * 60 + 1800), chargedEnergyKwh: 42.5, socStart: 20, socEnd: 70)
    }

    static let unavailable = ChargEyeError.http(.init(
        request: .init(method: "GET", path: "/locations"), status: 503, serverMessage: "Maintenance until 14:00", attempts: 3
    ))

    /// The browser on the stations of the first location (Berlin), loaded at `start`.
    static func stationsState() throws -> AppState {
        var state = loadedState()
        guard case .load(let id, _)? = state.update(.keyPressed(.enter)).first else { throw CancellationError() }
        _ = state.update(.loaded(id, .success(.stations(stations))))
        return state
    }

    /// The browser on the first station's transactions, before the first page arrived.
    static func transactionsState() throws -> (AppState, RequestID) {
        var state = Fixtures.loadedState()
        let opened = state.press(.enter)
        let (stationsID, _) = try #require(AppState.loadID(opened))
        _ = state.update(.loaded(stationsID, .success(.stations(Fixtures.stations))))
        let (hardwareID, _) = try #require(AppState.hardwareLoadID(opened))
        _ = state.update(.loaded(hardwareID, .success(.stationAssets([]))))
        _ = state.press(.down, .enter)
        let (firstID, request) = try #require(AppState.loadID(state.press(.enter)))
        #expect(request == .transactions(stationId: "S1", cursor: nil))
        return (state, firstID)
    }

    /// A page of transactions `t<range>`, an hour apart, with the next cursor if any.
    static func page(_ range: Range<Int>, next: String?) -> APIResponse {
        .transactions(.init(
            transactions: range.map { Fixtures.transaction("t\($0)", minutesAgo: Double($0) * 60) }, summary: nil,
            next: next.map { TransactionCursor(json: $0) }
        ))
    }

    /// A state showing the four locations at 80x24, loaded the way production loads them: the
    /// streamed parts, then the end of the answer.
    static func loadedState(demo: Bool = false, locations: [Location] = locations, width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(connectionLabel: "test", isDemo: demo, now: start, timeZone: utc)
        _ = state.update(.resized(width: width, height: height))
        let effects = state.start()
        guard let (id, request) = AppState.loadID(effects), request == .locations else { fatalError("expected a locations load, got \(effects)") }
        for message in Message.locationsArrived(id, locations) { _ = state.update(message) }
        return state
    }
}

extension AppState {
    /// Sends keys in order and returns every effect.
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { update(.keyPressed($0)) }
    }

    /// The names in the list pane's rows.
    var rowNames: [String] { listPane.rows.map { $0.cells[0] } }

    /// The request id of the only load among `effects`.
    static func loadID(_ effects: [Effect]) -> (RequestID, APIRequest)? {
        for case .load(let id, let request) in effects { return (id, request) }
        return nil
    }

    /// The asset-view request a stations level asks for beside its live one.
    static func hardwareLoadID(_ effects: [Effect]) -> (RequestID, APIRequest)? {
        for case .load(let id, let request) in effects {
            if case .stationAssets = request { return (id, request) }
        }
        return nil
    }
}
