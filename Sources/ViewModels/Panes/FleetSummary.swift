import ChargEyeAPI
import Foundation

/// The roll-up line above a list: status counts for the current scope (the fleet, one
/// location, or one station), each readable without colour. The active facet is marked.
public struct FleetSummary: Equatable, Sendable {
    /// One count: "3 faulted".
    public struct Segment: Equatable, Sendable {
        public var text: String
        public var role: Role
        public var isActive: Bool
        /// A total that starts a group ("5 stations"), followed by its parts.
        public var isGroup: Bool
    }

    public var scope: String
    public var segments: [Segment]
}

extension AppState {
    /// The roll-up for the current level, when it has statuses.
    public var fleetSummary: FleetSummary? {
        let level = current
        let rollup: Rollup
        let scope: String
        switch level.data {
        case .locations(let items):
            let known = items.compactMap { rollups[$0.id] }
            guard !known.isEmpty else { return FleetSummary(scope: "Fleet status: open a location to load it", segments: []) }
            scope = "Fleet (\(known.count)/\(items.count) loaded)"
            rollup = Rollup(adding: known)
        case .stations(let items):
            scope = "Location"
            rollup = Rollup(items)
        case .connectors(let station):
            scope = "Station"
            rollup = Rollup([station])
        default:
            return nil
        }
        func segment(_ count: Int, _ word: String, _ role: Role, _ facet: StatusFacet?) -> FleetSummary.Segment? {
            let isActive = facet != nil && facet == level.facet
            guard count > 0 || facet == nil || isActive else { return nil }
            return FleetSummary.Segment(text: "\(count) \(word)", role: count > 0 ? role : .dim, isActive: isActive, isGroup: facet == nil)
        }
        var segments: [FleetSummary.Segment?] = []
        if case .connectors = level.kind {} else {
            segments += [
                segment(rollup.stations, "stations", .normal, nil),
                segment(rollup.offline, "offline", .warning, .offline),
                segment(rollup.faultedStations, "faulted", .critical, .faultedStation),
                segment(rollup.unavailableStations, "unavailable", .warning, .unavailableStation),
            ]
        }
        segments += [
            segment(rollup.connectors, "connectors", .normal, nil),
            segment(rollup.charging, "charging", .ok, .chargingConnector),
            segment(rollup.available, "free", .normal, .availableConnector),
            segment(rollup.faultedConnectors, "faulted", .critical, .faultedConnector),
        ]
        return FleetSummary(scope: scope, segments: segments.compactMap { $0 })
    }
}
