import ChargEyeAPI
import ChargEyeFleet
import ChargEyeText
import Foundation
import ViewModels

/// `chargeye status`: the fleet summary as a table or JSON: totals by status, the locations
/// with problems and the stations with problems, worst first.
struct FleetReport {
    let fleet: FleetStations
    let health: FleetHealth
    let readAt: Date

    init(_ fleet: FleetStations, readAt: Date = Date()) {
        self.fleet = fleet
        self.health = FleetHealth(stations: fleet.stations, names: fleet.locationNames)
        self.readAt = readAt
    }

    // MARK: Table

    func table(width: Int?, zone: TimeZone = .current) -> String {
        let totals = health.totals
        var lines = [
            "\(scopeTitle): \(totals.stations) stations at \(health.locations.count) \(health.locations.count == 1 ? "location" : "locations"), \(totals.connectors) connectors; \(sourceText)",
            "Online:     " + Self.counts(totals.online),
            "Stations:   " + Self.counts(totals.stationStatuses),
            "Connectors: " + Self.counts(totals.connectorStatuses),
        ]
        for gap in fleet.gaps.prefix(5) {
            lines.append("INCOMPLETE: location \(Self.clean(gap.locationUid)): \(gap.error.shortReason)")
        }
        if fleet.gaps.count > 5 { lines.append("INCOMPLETE: \(fleet.gaps.count - 5) more locations failed") }
        guard !health.problems.isEmpty else {
            lines.append("")
            lines.append("No problems: every station online and operative, no connector faulted or unavailable.")
            return lines.joined(separator: "\n")
        }
        if case .location = fleet.source {} else {
            lines += ["", "Locations with problems, worst first:", locationTable.render(width: width)]
        }
        lines += ["", "Stations with problems, worst first:", problemTable(zone: zone).render(width: width)]
        return lines.joined(separator: "\n")
    }

    private var scopeTitle: String {
        if case .location(let uid) = fleet.source { return "Location \(Self.clean(fleet.locationNames[uid] ?? uid))" }
        return fleet.isIncomplete ? "Fleet (INCOMPLETE)" : "Fleet"
    }

    private var sourceText: String {
        switch fleet.source {
        case .unfiltered: "read in one call"
        case .perLocation(let count): "read location by location (\(count) calls; the server refused the fleet-wide call)"
        case .location: "one location"
        }
    }

    /// "2 Offline · 1 Faulted · 150 Online", worst first.
    static func counts(_ counts: [String: Int]) -> String {
        let parts = counts.filter { $0.value > 0 }.sorted { (StatusRank.any($0.key), $0.key) < (StatusRank.any($1.key), $1.key) }
        return parts.isEmpty ? "none" : parts.map { "\($0.value) \(clean($0.key))" }.joined(separator: " · ")
    }

    /// Text from the API on a line of our own: no control characters or escape sequences.
    static func clean(_ text: String) -> String {
        TextSanitizer.singleLine(text, limit: 80)
    }

    private var locationTable: TextTable {
        TextTable(
            columns: [
                .init(title: "LOCATION"), .init(title: "STATIONS", alignRight: true, flexible: false),
                .init(title: "FAULTED", alignRight: true, flexible: false), .init(title: "OFFLINE", alignRight: true, flexible: false),
                .init(title: "UNAVAIL", alignRight: true, flexible: false), .init(title: "CONN FLT/UNAV", alignRight: true, flexible: false),
            ],
            rows: health.troubledLocations.map { location in
                let rollup = location.rollup
                return [location.displayName, String(rollup.stations), String(rollup.faultedStations), String(rollup.offline),
                        String(rollup.unavailableStations), "\(rollup.faultedConnectors)/\(rollup.unavailableConnectors)"]
            }
        )
    }

    private func problemTable(zone: TimeZone) -> TextTable {
        TextTable(
            columns: [.init(title: "STATION", flexible: false), .init(title: "LOCATION"), .init(title: "PROBLEM"),
                      .init(title: "LAST ACTIVITY", flexible: false)],
            rows: health.problems.map { problem in
                [problem.stationId, problem.locationName ?? problem.locationUid ?? "", problem.summary,
                 problem.lastActivity.map { Format.clock($0, zone: zone) } ?? "-"]
            }
        )
    }

    // MARK: JSON

    func json() throws -> String {
        try JSONOutput.render(Document(self))
    }

    /// The JSON document of `chargeye status --format json`.
    private struct Document: Encodable {
        struct Counts: Encodable {
            var stations: Int
            var connectors: Int
            var locations: Int
            var stationStatus: [String: Int]
            var onlineStatus: [String: Int]
            var connectorStatus: [String: Int]
        }
        struct LocationEntry: Encodable {
            var locationUid: String
            var name: String?
            var stations: Int
            var faulted: Int
            var offline: Int
            var unavailable: Int
            var faultedConnectors: Int
            var unavailableConnectors: Int
        }
        struct ConnectorEntry: Encodable {
            var connectorId: String
            var status: String
        }
        struct ProblemEntry: Encodable {
            var stationId: String
            var name: String?
            var locationUid: String?
            var locationName: String?
            var status: String
            var onlineStatus: String
            var problem: String
            var connectors: [ConnectorEntry]
            var lastActivity: Date?
        }
        struct GapEntry: Encodable {
            var locationUid: String
            var error: String
        }

        var readAt: Date
        var source: String
        var incomplete: Bool
        var totals: Counts
        var problemLocations: [LocationEntry]
        var problems: [ProblemEntry]
        var failedLocations: [GapEntry]
        var duplicateStationIds: [String]

        init(_ report: FleetReport) {
            let health = report.health
            readAt = report.readAt
            switch report.fleet.source {
            case .unfiltered: source = "unfiltered"
            case .perLocation: source = "perLocation"
            case .location: source = "location"
            }
            incomplete = report.fleet.isIncomplete
            totals = Counts(
                stations: health.totals.stations, connectors: health.totals.connectors, locations: health.locations.count,
                stationStatus: health.totals.stationStatuses, onlineStatus: health.totals.online,
                connectorStatus: health.totals.connectorStatuses
            )
            problemLocations = health.troubledLocations.map { location in
                let rollup = location.rollup
                return LocationEntry(
                    locationUid: location.uid, name: location.name, stations: rollup.stations, faulted: rollup.faultedStations,
                    offline: rollup.offline, unavailable: rollup.unavailableStations,
                    faultedConnectors: rollup.faultedConnectors, unavailableConnectors: rollup.unavailableConnectors
                )
            }
            problems = health.problems.map { problem in
                ProblemEntry(
                    stationId: problem.stationId, name: problem.name, locationUid: problem.locationUid,
                    locationName: problem.locationName, status: problem.status, onlineStatus: problem.onlineStatus,
                    problem: problem.summary, connectors: problem.connectors.map { ConnectorEntry(connectorId: $0.id, status: $0.status) },
                    lastActivity: problem.lastActivity
                )
            }
            failedLocations = report.fleet.gaps.map { GapEntry(locationUid: $0.locationUid, error: $0.error.description) }
            duplicateStationIds = report.fleet.duplicateIds
        }
    }
}
