/// How one finished session went, worked out so its numbers agree the way a real charger's do:
/// the energy is the average power over the charging time (less a few percent of metering
/// difference), a session that ends on its SoC limit reaches that limit, the state of charge
/// rises by the energy over the battery's size, and every duration is whole milliseconds.
struct SessionOutcome {
    /// Plugged in to unplugged.
    let sessionMs: Double
    /// Power flowing.
    let chargingMs: Double
    let energyKwh: Double
    let averageKw: Double
    let peakKw: Double
    let socStart: Double
    let socEnd: Double
    let socLimit: Double
    let endReason: String
    /// Nil, or why the session failed (`ABRUPT_STOP` and the like).
    let failure: String?

    /// Set-up before power flows (authorisation, insulation test, handshake) and the wind-down.
    static let setUpMs = 30_000.0
    static let windDownMs = 45_000.0

    /// A session of about `plugInSeconds`, at about `averageKw` (the lower of charger and
    /// vehicle), into a battery of `batteryKwh`.
    init(
        plugInSeconds: Double, averageKw: Double, connectorMaxKw: Double, batteryKwh: Double,
        socStart: Double, socLimit: Double, random: inout SeededRandom
    ) {
        precondition(averageKw > 0 && batteryKwh > 0 && socStart < socLimit, "a session charges something")
        let plugMs = (plugInSeconds * 1000).rounded()
        self.socStart = socStart
        self.socLimit = socLimit
        let averageKw = (averageKw * 10).rounded() / 10
        self.averageKw = averageKw
        peakKw = min(connectorMaxKw, (averageKw * random.decimal(1.12...1.35, places: 2) * 10).rounded() / 10)
        let metered = random.decimal(0.97...1.0, places: 3)
        if random.chance(0.04) {
            // Stopped within seconds of starting: what the charger classifies as an abrupt stop.
            chargingMs = (Double.random(in: 2...9, using: &random) * 1000).rounded()
            sessionMs = Self.setUpMs + chargingMs + Self.windDownMs
            energyKwh = Self.kwh(averageKw * chargingMs / 3_600_000 * metered)
            socEnd = socStart
            endReason = random.pick(["EmergencyStop", "StoppedByEV", "Local"])
            failure = endReason == "Local" ? "ABRUPTLY_CANCELED" : "ABRUPT_STOP"
            return
        }
        failure = nil
        let available = max(60_000, plugMs - Self.setUpMs - Self.windDownMs)
        let needed = max(0, socLimit - socStart) / 100 * batteryKwh
        let possible = averageKw * available / 3_600_000
        if possible >= needed {
            // Full to the limit; the vehicle may stay plugged in a while after.
            chargingMs = (needed / averageKw * 3_600_000).rounded()
            energyKwh = Self.kwh(needed * metered)
            socEnd = socLimit
            endReason = "SOCLimitReached"
            sessionMs = max(plugMs, Self.setUpMs + chargingMs + Self.windDownMs)
        } else {
            chargingMs = available
            energyKwh = Self.kwh(possible * metered)
            socEnd = min(socLimit - 1, (socStart + possible / batteryKwh * 100).rounded())
            endReason = random.weighted([("EVDisconnected", 5), ("StoppedByEV", 3), ("Local", 2), ("Remote", 1)])
            sessionMs = Self.setUpMs + chargingMs + Self.windDownMs
        }
    }

    private static func kwh(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
