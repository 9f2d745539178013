import ChargEyeAPI
import Foundation

/// Where a connector's session happens.
struct SessionPlace {
    let connectorId: Components.Schemas.NumberOrString
    let name: String
    let type: String
    let maxPowerKw: Double
}

/// A connector's session as the live station view embeds it: the one in progress, or the
/// previous one on an idle connector.
extension FleetGenerator {
    func liveSession(
        at place: SessionPlace, periodStart: Date, now: Date, charging: Bool, random: inout SeededRandom
    ) -> Components.Schemas.ConnectorTransaction {
        let start = Self.wholeMilliseconds(periodStart.addingTimeInterval(-Double.random(in: 120...3000, using: &random)))
        let chargingStart = start.addingTimeInterval(SessionOutcome.setUpMs / 1000)
        let hours = max(0, now.timeIntervalSince(chargingStart)) / 3600
        let socStart = Double(Int.random(in: 8...45, using: &random))
        let socLimit = random.pick([80.0, 90, 100])
        let battery = random.pick([75.0, 390, 470])
        let vehicleKw = random.pick([50.0, 110, 150, 250, 300])
        let power = charging ? (min(place.maxPowerKw, vehicleKw) * random.decimal(0.6...0.98, places: 2) * 10).rounded() / 10 : 0
        // The energy so far is what the power delivered since charging began, capped at the limit.
        let energy = min(power * hours, max(0, socLimit - socStart) / 100 * battery)
        return .init(
            txId: random.uuid(), status: .init(charging ? "Charging" : "PluggedInIdle"),
            triggerReason: .init(charging ? "MeterValuePeriodic" : "ChargingStateChanged"), connectorId: place.connectorId,
            connectorName: place.name, authorizationToken: random.string(length: 14, alphabet: "0123456789ABCDEF"),
            startTime: start, chargingStartTime: chargingStart, startReason: .init("Authorized"),
            chargedEnergyKwh: (energy * 100).rounded() / 100, powerKw: power,
            powerKwAvg: (power * 0.94 * 10).rounded() / 10, powerKwMax: (min(place.maxPowerKw, vehicleKw) * 10).rounded() / 10,
            soc: (socStart + energy / battery * 100).rounded(), socInitial: socStart, socLimit: socLimit,
            updateTime: Self.wholeMilliseconds(now),
            powerLimitation: .init(random.weighted([("Vehicle", 6), ("Charger", 2), ("Grid", 1), ("Shared", 1)])),
            chargingStartReason: .init("ChargingStateChanged"), connectorType: .init(place.type)
        )
    }

    func endedSession(
        at place: SessionPlace, before: Date, random: inout SeededRandom
    ) -> Components.Schemas.ConnectorTransaction {
        let end = Self.wholeMilliseconds(before.addingTimeInterval(-Double.random(in: 60...7200, using: &random)))
        let outcome = SessionOutcome(
            plugInSeconds: Double.random(in: 900...5400, using: &random),
            averageKw: min(place.maxPowerKw, random.pick([45.0, 90, 140, 200])) * 0.85, connectorMaxKw: place.maxPowerKw,
            batteryKwh: random.pick([75.0, 390, 470]), socStart: Double(Int.random(in: 10...50, using: &random)),
            socLimit: random.pick([80.0, 90, 100]), random: &random
        )
        let start = end.addingTimeInterval(-outcome.sessionMs / 1000)
        let chargingStart = start.addingTimeInterval(SessionOutcome.setUpMs / 1000)
        return .init(
            txId: random.uuid(), status: .init("Ended"), triggerReason: .init("EVDeparted"),
            connectorId: place.connectorId, connectorName: place.name,
            startTime: start, endTime: end, chargingStartTime: chargingStart,
            chargingEndTime: chargingStart.addingTimeInterval(outcome.chargingMs / 1000),
            startReason: .init("Authorized"), endReason: .init(outcome.endReason),
            chargedEnergyKwh: outcome.energyKwh, powerKwAvg: outcome.averageKw, powerKwMax: outcome.peakKw,
            soc: outcome.socEnd, socInitial: outcome.socStart, socLimit: outcome.socLimit,
            updateTime: end, connectorType: .init(place.type)
        )
    }

    /// `date` to the millisecond, as ChargEye's timestamps are.
    static func wholeMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}
