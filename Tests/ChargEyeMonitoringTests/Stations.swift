import ChargEyeAPI
import Foundation

/// Small hand-made fleets for the monitoring tests.
enum Stations {
    static func station(
        _ id: String, location: String?, status: String = "Operative", online: String = "Online",
        connectors: [String] = ["Available"], power: Double = 0, lastEnded: Date? = nil, locationName: String? = nil
    ) -> Station {
        Station(
            stationId: id, name: "Station \(id)", status: .init(status), onlineStatus: .init(online),
            connectors: connectors.enumerated().map { index, status in
                Connector(
                    connectorId: .case2(String(index + 1)), name: nil, _type: .init("CCS"), status: .init(status),
                    latestTransaction: lastEnded.map { ConnectorSession(txId: "t-\(id)-\(index)", endTime: $0) }
                )
            },
            location: locationName.map { .init(name: $0) }, locationUid: location, maxPowerKw: 300, currentPowerKw: power
        )
    }

    /// Ten stations at three locations: one faulted, two offline, one with a faulted connector.
    static let fleet: [Station] = [
        station("A1", location: "LA", power: 50, locationName: "Alpha"),
        station("A2", location: "LA", status: "Faulted", lastEnded: Date(timeIntervalSince1970: 1_000), locationName: "Alpha"),
        station("A3", location: "LA", locationName: "Alpha"),
        station("B1", location: "LB", online: "Offline", lastEnded: Date(timeIntervalSince1970: 5_000), locationName: "Beta"),
        station("B2", location: "LB", online: "Offline", lastEnded: Date(timeIntervalSince1970: 2_000), locationName: "Beta"),
        station("B3", location: "LB", locationName: "Beta"),
        station("C1", location: "LC", connectors: ["Charging", "Faulted"], power: 120, locationName: "Gamma"),
        station("C2", location: "LC", connectors: ["Charging", "Available"], power: 80, locationName: "Gamma"),
        station("C3", location: "LC", locationName: "Gamma"),
        station("C4", location: "LC", locationName: "Gamma"),
    ]
}
