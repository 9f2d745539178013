public import ChargEyeAPI
import ChargEyeFleet
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
        let gauge = { (metric: MetricNameDescriptor, labels: [(String, String)], value: Double) in
            registry.makeGauge(descriptor: metric, labels: labels.map { ($0.0, Self.label($0.1)) }).set(value)
        }
        gauge(Metric.up, [], reading.fleet == nil ? 0 : 1)
        gauge(Metric.readDuration, [], reading.duration)
        if let lastSuccess = reading.lastSuccess { gauge(Metric.lastSuccess, [], lastSuccess.timeIntervalSince1970) }
        if let error = reading.error { gauge(Metric.lastErrorStatus, [], Double((error as? ChargEyeError)?.status ?? 0)) }
        guard let fleet = reading.fleet else { return registry.emitToString() }
        gauge(Metric.failedLocations, [], Double(fleet.gaps.count))
        let health = FleetHealth(stations: fleet.stations, names: fleet.locationNames)
        let fleetPairs = health.locations.reduce(into: [:]) { $0.merge($1.stationsByStatusPair, uniquingKeysWith: +) }
        for (pair, count) in fleetPairs {
            gauge(Metric.stations, [("status", pair.status), ("online_status", pair.online)], Double(count))
        }
        for (type, statuses) in health.connectorsByType {
            for (status, count) in statuses { gauge(Metric.connectors, [("status", status), ("type", type)], Double(count)) }
        }
        writeLocations(health, gauge: gauge)
        if perStation { writeStations(fleet.stations.withoutSessions, gauge: gauge) }
        return registry.emitToString()
    }

    private typealias Write = (MetricNameDescriptor, [(String, String)], Double) -> Void

    private func writeLocations(_ health: FleetHealth, gauge: Write) {
        for location in health.locations {
            let uid = ("location_uid", location.uid)
            gauge(Metric.locationInfo, [uid, ("name", location.displayName)], 1)
            gauge(Metric.locationPower, [uid], location.powerKw * 1000)
            for (pair, count) in location.stationsByStatusPair {
                gauge(Metric.locationStations, [uid, ("status", pair.status), ("online_status", pair.online)], Double(count))
            }
            for (status, count) in location.rollup.connectorStatuses {
                gauge(Metric.locationConnectors, [uid, ("status", status)], Double(count))
            }
        }
    }

    private func writeStations(_ stations: some Sequence<Station>, gauge: Write) {
        for station in stations {
            let labels = [("location_uid", station.locationUid ?? ""), ("station_id", station.stationId)]
            gauge(Metric.stationOnline, labels, station.onlineStatus?.known == .online ? 1 : 0)
            gauge(Metric.stationStatus, labels + [("status", station.status?.text ?? "Unknown")], 1)
            gauge(Metric.stationPower, labels, (station.currentPowerKw ?? 0) * 1000)
            if let max = station.maxPowerKw, max > 0 { gauge(Metric.stationMaxPower, labels, max * 1000) }
        }
    }

    /// A label value from the API: one line, no control characters, at most 200 characters.
    private static func label(_ text: String) -> String {
        TextSanitizer.singleLine(text, limit: 200)
    }
}

/// Every metric chargeye writes, named and described once (swift-prometheus insists that a
/// name keeps one help text). Computed: the library's descriptor type is not `Sendable`.
private enum Metric {
    static func gauge(_ name: String, unit: String = "", _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "chargeye", metricName: name, unitName: unit, helpText: help)
    }

    static var up: MetricNameDescriptor { gauge("up", "1 if the last read of the ChargEye API succeeded, else 0.") }
    static var readDuration: MetricNameDescriptor { gauge("read_duration", unit: "seconds", "How long the last read of the fleet took.") }
    static var lastSuccess: MetricNameDescriptor { gauge("last_success_timestamp", unit: "seconds", "When a read of the fleet last succeeded (Unix time).") }
    static var lastErrorStatus: MetricNameDescriptor { gauge("last_error_http_status", "HTTP status of the last failed read; 0 when no answer came (network, timeout, bad data).") }
    static var failedLocations: MetricNameDescriptor { gauge("read_failed_locations", "Locations whose stations could not be read (location-by-location reads only).") }
    static var stations: MetricNameDescriptor { gauge("stations", "Charging stations by status and online status.") }
    static var connectors: MetricNameDescriptor { gauge("connectors", "Connectors by status and type.") }
    static var locationInfo: MetricNameDescriptor { gauge("location_info", "A location's name, by its id (always 1).") }
    static var locationPower: MetricNameDescriptor { gauge("location_power", unit: "watts", "Power delivered at a location now.") }
    static var locationStations: MetricNameDescriptor { gauge("location_stations", "A location's charging stations by status and online status.") }
    static var locationConnectors: MetricNameDescriptor { gauge("location_connectors", "A location's connectors by status.") }
    static var stationOnline: MetricNameDescriptor { gauge("station_online", "1 if the station is online, else 0.") }
    static var stationStatus: MetricNameDescriptor { gauge("station_status", "A station's status (always 1, the status is the label).") }
    static var stationPower: MetricNameDescriptor { gauge("station_power", unit: "watts", "Power a station delivers now.") }
    static var stationMaxPower: MetricNameDescriptor { gauge("station_max_power", unit: "watts", "A station's maximum power (absent when the API does not know it).") }
}
