public import ChargEyeAPI
public import ChargEyeFleet
import ChargEyeText
public import Foundation
import Prometheus

/// The fleet in the Prometheus text exposition format, named after Prometheus practice
/// (https://prometheus.io/docs/practices/naming/): a `chargeye_` prefix, base units (watts,
/// seconds), gauges for counts that go up and down, and labels for status and place.
public struct FleetMetrics: Sendable {
    /// What one read of the API gave.
    public struct Reading: Sendable {
        /// The stations, when the read succeeded.
        public var fleet: FleetStations?
        /// The failure, when it did not.
        public var error: (any Error)?
        /// When the read finished.
        public var finishedAt: Date
        /// How long it took.
        public var duration: TimeInterval
        /// When a read last succeeded (this one or an earlier one).
        public var lastSuccess: Date?

        public init(fleet: FleetStations?, error: (any Error)?, finishedAt: Date, duration: TimeInterval, lastSuccess: Date?) {
            self.fleet = fleet
            self.error = error
            self.finishedAt = finishedAt
            self.duration = duration
            self.lastSuccess = lastSuccess
        }
    }

    /// Whether to write one series per station (power, online, status): off on big fleets,
    /// where the per-location and fleet series answer most questions at a fraction of the
    /// cardinality.
    public var perStation: Bool

    public init(perStation: Bool = true) {
        self.perStation = perStation
    }

    /// The exposition text for `reading`.
    public func exposition(_ reading: Reading) -> String {
        let registry = PrometheusCollectorRegistry()
        func gauge(_ name: String, _ help: String, _ labels: [(String, String)], _ value: Double) {
            registry.makeGauge(name: name, labels: labels.map { ($0.0, Self.label($0.1)) }, help: help).set(value)
        }
        gauge("chargeye_up", "1 if the last read of the ChargEye API succeeded, else 0.", [], reading.fleet == nil ? 0 : 1)
        gauge("chargeye_read_duration_seconds", "How long the last read of the fleet took.", [], reading.duration)
        if let lastSuccess = reading.lastSuccess {
            gauge("chargeye_last_success_timestamp_seconds", "When a read of the fleet last succeeded (Unix time).", [], lastSuccess.timeIntervalSince1970)
        }
        if let error = reading.error {
            gauge("chargeye_last_error_http_status", "HTTP status of the last failed read; 0 when no answer came (network, timeout, bad data).", [], Double((error as? ChargEyeError)?.status ?? 0))
        }
        guard let fleet = reading.fleet else { return registry.emitToString() }
        gauge("chargeye_read_failed_locations", "Locations whose stations could not be read (location-by-location reads only).", [], Double(fleet.gaps.count))
        let health = FleetHealth(stations: fleet.stations, names: fleet.locationNames)
        let stationsHelp = "Charging stations by status and online status."
        for (pair, count) in Self.statusPairs(fleet.stations) {
            gauge("chargeye_stations", stationsHelp, [("status", pair.status), ("online_status", pair.online)], Double(count))
        }
        for (type, statuses) in health.connectorsByType {
            for (status, count) in statuses {
                gauge("chargeye_connectors", "Connectors by status and type.", [("status", status), ("type", type)], Double(count))
            }
        }
        writeLocations(health, fleet: fleet, gauge: gauge)
        if perStation { writeStations(fleet.stations, gauge: gauge) }
        return registry.emitToString()
    }

    private func writeLocations(_ health: FleetHealth, fleet: FleetStations, gauge: (String, String, [(String, String)], Double) -> Void) {
        var byLocation: [String: [Station]] = [:]
        for station in fleet.stations { byLocation[station.locationUid ?? "", default: []].append(station) }
        for location in health.locations {
            let uid = ("location_uid", location.uid)
            gauge("chargeye_location_info", "A location's name, by its id (always 1).", [uid, ("name", location.displayName)], 1)
            gauge("chargeye_location_power_watts", "Power delivered at a location now.", [uid], location.powerKw * 1000)
            for (pair, count) in Self.statusPairs(byLocation[location.uid] ?? []) {
                gauge("chargeye_location_stations", "A location's charging stations by status and online status.",
                      [uid, ("status", pair.status), ("online_status", pair.online)], Double(count))
            }
            for (status, count) in location.rollup.connectorStatuses {
                gauge("chargeye_location_connectors", "A location's connectors by status.", [uid, ("status", status)], Double(count))
            }
        }
    }

    private func writeStations(_ stations: [Station], gauge: (String, String, [(String, String)], Double) -> Void) {
        for station in stations {
            let labels = [("location_uid", station.locationUid ?? ""), ("station_id", station.stationId)]
            gauge("chargeye_station_online", "1 if the station is online, else 0.", labels, station.onlineStatus?.known == .online ? 1 : 0)
            gauge("chargeye_station_status", "A station's status (always 1, the status is the label).",
                  labels + [("status", station.status?.text ?? "Unknown")], 1)
            gauge("chargeye_station_power_watts", "Power a station delivers now.", labels, (station.currentPowerKw ?? 0) * 1000)
            if let max = station.maxPowerKw, max > 0 {
                gauge("chargeye_station_max_power_watts", "A station's maximum power (absent when the API does not know it).", labels, max * 1000)
            }
        }
    }

    /// Counts of (station status, online status) pairs.
    private static func statusPairs(_ stations: [Station]) -> [StatusPair: Int] {
        var counts: [StatusPair: Int] = [:]
        for station in stations {
            counts[StatusPair(status: station.status?.text ?? "Unknown", online: station.onlineStatus?.text ?? "Unknown"), default: 0] += 1
        }
        return counts
    }

    private struct StatusPair: Hashable {
        var status: String
        var online: String
    }

    /// A label value from the API: one line, no control characters, at most 200 characters.
    private static func label(_ text: String) -> String {
        TextSanitizer.singleLine(text, limit: 200)
    }
}
