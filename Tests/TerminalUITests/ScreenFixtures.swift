import ChargEyeAPI
import Foundation
import TerminalUI
@testable import ViewModels

/// Fixed states for screen tests: fixed clock, UTC, names with wide characters.
enum ScreenFixtures {
    static let now = Date(timeIntervalSince1970: 1_764_000_000)

    static let locations: [Location] = [
        Location(id: "LF59aGkk2t", name: "Acme Depot Vantaa", address: "Tikkurilantie 10", city: "Vantaa", postalCode: "01300", country: "Finland", countryCode: "FI", lat: 60.2934, lng: 25.0378),
        Location(id: "TYO0000001", name: "東京 Bus Depot", address: "1-1 Chiyoda", city: "東京", country: "Japan", countryCode: "JP"),
        Location(id: "CAFE000002", name: "Café Charge 🚌", address: "Rue de Rivoli 5", city: "Paris", country: "France", countryCode: "FR"),
    ]

    /// The fleet's stations: two at Vantaa (one faulted), one offline in Paris, none in Tokyo.
    static let fleet: [Station] = [
        station("KEM-HEL-S01", at: "LF59aGkk2t", connectors: ["Charging", "Available"]),
        station("KEM-HEL-S02", at: "LF59aGkk2t", status: "Faulted", connectors: ["Faulted"]),
        station("KEM-PAR-S01", at: "CAFE000002", online: "Offline", connectors: ["Unavailable", "Unavailable"]),
    ]

    static func station(_ id: String, at location: String, status: String = "Operative", online: String = "Online", connectors: [String]) -> Station {
        Station(
            stationId: id, name: id, status: .init(status), onlineStatus: .init(online),
            connectors: connectors.enumerated().map { Connector(connectorId: .case2(String($0.offset + 1)), _type: .init("CCS"), status: .init($0.element)) },
            locationUid: location
        )
    }

    /// The browser with locations and the fleet loaded, at a size.
    static func state(width: Int = 80, height: Int = 24, token: Bool = true) -> AppState {
        var state = AppState(connectionLabel: "kempower.io", isDemo: false, now: now, timeZone: TimeZone(identifier: "UTC")!)
        _ = state.update(.resized(width: width, height: height))
        // The locations first; their arrival starts the fleet read.
        var pending = state.start()
        while let effect = pending.first {
            pending.removeFirst()
            guard case .load(let id, let request) = effect else { continue }
            if request == .fleet {
                pending += state.update(.loaded(id, .success(.fleet(FleetStations(collecting: fleet, source: .unfiltered)))))
            } else {
                for message in Message.locationsArrived(id, locations) { pending += state.update(message) }
            }
        }
        if token {
            _ = state.update(.tokenChanged(TokenState(validUntil: now.addingTimeInterval(28_740), lastRefresh: now)))
        }
        return state
    }

    /// The same, with a failed reload on screen.
    static func failedState(width: Int = 80, height: Int = 24) -> AppState {
        var state = state(width: width, height: height)
        for case .load(let id, _) in state.update(.keyPressed(.control("r"))) {
            _ = state.update(.loaded(id, .failure(.http(.init(
                request: .init(method: "GET", path: "/locations"), status: 503,
                serverMessage: "Maintenance until 14:00", attempts: 3
            )))))
        }
        return state
    }

    /// Vantaa's stations with live power and a charging session: the gauges' screen. With
    /// `connector`, the first station is opened, its charging connector selected and the
    /// detail scrolled to the session.
    static func gaugesState(width: Int, height: Int, connector: Bool) -> AppState {
        var state = state(width: width, height: height)
        let session = ConnectorSession(
            txId: "7f3c2a", status: .init("Charging"), startTime: now.addingTimeInterval(-1500), chargedEnergyKwh: 31.4,
            powerKw: 142.8, soc: 64, socInitial: 21, socLimit: 80
        )
        let charging = Connector(connectorId: .case2("1"), _type: .init("CCS"), status: .init("Charging"), maxPowerKw: 200, maxPowerKwActual: 198.5, latestTransaction: session)
        let stations = [
            Station(stationId: "KEM-HEL-S01", name: "Hall A", status: .init("Operative"), onlineStatus: .init("Online"),
                    connectors: [charging, Connector(connectorId: .case2("2"), _type: .init("CCS"), status: .init("Available"), maxPowerKw: 200)],
                    locationUid: "LF59aGkk2t", maxPowerKw: 400, currentPowerKw: 142.8),
            station("KEM-HEL-S02", at: "LF59aGkk2t", status: "Faulted", connectors: ["Faulted"]),
        ]
        for case .load(let id, let request) in state.update(.keyPressed(.enter)) {
            if case .stations = request { _ = state.update(.loaded(id, .success(.stations(stations)))) }
        }
        if connector {
            for key in [Key.enter, .tab] + Array(repeating: .down, count: 8) { _ = state.update(.keyPressed(key)) }
        }
        return state
    }
}
