import ChargEyeAPI
import Foundation

/// A station's finished sessions of the last `historyDays` days, newest first, with the fields
/// an operator reads when one went wrong: electrical values, temperatures, the vehicle,
/// authorisation and payment. The gaps between sessions follow the site's `ChargingDemand`.
extension FleetGenerator {
    static let historyDays = 60.0
    /// At most this many sessions a station (a busy public site reaches it in about 50 days).
    static let historyLimit = 700

    func transactions(stationId: String, locationIndex: Int, location: Location) -> [Components.Schemas.Transaction] {
        var random = SeededRandom(seed: seed, 8, hash(stationId))
        let isDepot = siteKind(locationIndex: locationIndex).isDepot
        let demand = ChargingDemand(isDepot: isDepot, countryCode: location.countryCode)
        let oldest = epoch.addingTimeInterval(-Self.historyDays * 86_400)
        // Mean time between sessions at average demand.
        let meanGap = isDepot ? Double.random(in: 9_000...16_000, using: &random) : Double.random(in: 3_600...9_000, using: &random)
        let vehicles = isDepot ? self.vehicles(locationIndex: locationIndex, locationUid: location.id) : []
        var end = Self.wholeMilliseconds(epoch.addingTimeInterval(-Double.random(in: 600...7200, using: &random)))
        var sequence = Double(Int.random(in: 40...90, using: &random))
        var history: [Components.Schemas.Transaction] = []
        while end > oldest, history.count < Self.historyLimit {
            let connector = Int.random(in: 1...4, using: &random)
            let type = random.weighted([("CCS", 9), ("CHAdeMO", 1)])
            let connectorMax = type == "CHAdeMO" ? 100.0 : random.pick([150.0, 300, 400])
            let vehicle = vehicles.isEmpty || random.chance(0.3) ? nil : random.pick(vehicles)
            let vehicleMax = vehicle?.maxChargePowerkW?.number ?? random.pick([50.0, 110, 150, 250])
            let battery = vehicle?.fullChargeEnergykWh?.number ?? random.pick([60.0, 77, 100])
            // Public fast charging: 10 to 50 minutes plugged in, most drivers leave before the
            // limit; depots: vehicles stand for hours and usually fill up.
            let outcome = SessionOutcome(
                plugInSeconds: Double.random(in: isDepot ? 1800...14400 : 600...3000, using: &random),
                averageKw: min(connectorMax, vehicleMax) * random.decimal(0.55...0.9, places: 2), connectorMaxKw: connectorMax,
                batteryKwh: battery, socStart: Double(Int.random(in: 5...50, using: &random)),
                socLimit: random.weighted([(80.0, 6), (90.0, 2), (100.0, 2)]), random: &random
            )
            let start = end.addingTimeInterval(-outcome.sessionMs / 1000)
            let chargingStart = start.addingTimeInterval(SessionOutcome.setUpMs / 1000)
            let card = !isDepot && random.chance(0.3)
            let ambient = random.decimal(-12...24)
            let voltage = Double(Int.random(in: 380...780, using: &random))
            sequence += 1
            var transaction = Components.Schemas.Transaction(
                txId: random.uuid(), stationId: stationId, locationUid: location.id,
                evseId: .case2(String(connector)), actualEVSEId: .case1(Double(connector)),
                evseName: "Satellite \(connector) \(type)", evseType: .init(type), status: .init("Ended"),
                triggerReason: .init("EVDeparted"), startTime: start, endTime: end,
                chargingStartTime: chargingStart, chargingEndTime: chargingStart.addingTimeInterval(outcome.chargingMs / 1000),
                startReason: .init(random.pick(["Authorized", "CablePluggedIn", "RemoteStart"])),
                endReason: .init(outcome.endReason), chargedEnergyKwh: outcome.energyKwh,
                socStart: outcome.socStart, socEnd: outcome.socEnd, socLimit: outcome.socLimit, powerKw: 0,
                avgPowerKw: outcome.averageKw, maxPowerKw: outcome.peakKw,
                chargingDurationMs: outcome.chargingMs, sessionDurationMs: outcome.sessionMs,
                authorizationMethod: .init(card ? "EMV" : random.weighted([("RFID_TOKEN", 6), ("EVMAC", 3), ("REMOTE_AUTH", 1)])),
                authorizationToken: random.string(length: 14, alphabet: "0123456789ABCDEF"),
                idToken: .init(idToken: random.string(length: 14, alphabet: "0123456789ABCDEF"), _type: .init("ISO14443")),
                evMacAddress: vehicle?.evMacAddress,
                technicalFailClassification: .init(outcome.failure ?? "OK"),
                powerLimitation: .init(vehicleMax < connectorMax ? "Vehicle" : random.weighted([("Charger", 3), ("Grid", 1), ("Shared", 1)])),
                vehicle: vehicle.map { .init(
                    id: $0.id, name: $0.name, evModel: $0.evModel, licensePlate: $0.licensePlate,
                    maxChargePowerkW: .case2($0.maxChargePowerkW?.text ?? "150")
                ) },
                locationId: location.locationId, activeStartTime: start.addingTimeInterval(8), updateTime: end,
                sequenceNumber: sequence, chargingStartReason: .init("ChargingStateChanged"),
                chargingEndReason: .init(outcome.endReason), power: 0, current: 0, voltage: voltage,
                evMaximumCurrent: (vehicleMax * 1000 / voltage).rounded(), evMaximumPower: vehicleMax,
                evMaximumVoltage: voltage > 600 ? 850 : 470, evseMaxPowerKw: connectorMax,
                evseMaxPowerkWActual: connectorMax, authenticated: true, cableConnected: false,
                evCommunicationStandard: .init(random.weighted([("ISO1", 3), ("DIN", 6), ("ISODIS", 1)])),
                ambientTemp: ambient, pin1temp: ((ambient + random.decimal(8...30)) * 10).rounded() / 10,
                pin2temp: ((ambient + random.decimal(8...30)) * 10).rounded() / 10,
                evCluster: .init(displayName: vehicle?.evModel ?? random.pick(["Passenger car, large battery", "Van", "Passenger car"]),
                                 matchScore: random.decimal(0.6...0.99, places: 2), chargingPhase: .init("CHARGING")),
                sourceConnectionType: .init("ocpp")
            )
            if card { addCardPayment(to: &transaction, energyKwh: outcome.energyKwh, random: &random) }
            history.append(transaction)
            // The quieter the hours before this session, the longer the wait for the one before it.
            let gap = meanGap * Double.random(in: 0.2...1.8, using: &random) / max(0.1, demand.intensity(at: start.addingTimeInterval(-1_800)))
            end = Self.wholeMilliseconds(start.addingTimeInterval(-max(300, gap)))
        }
        return history
    }

    /// A public site's card payment: 0.49 €/kWh, pre-authorised for 60 €.
    private func addCardPayment(to transaction: inout Components.Schemas.Transaction, energyKwh: Double, random: inout SeededRandom) {
        let total = min(6000, (energyKwh * 49).rounded())
        transaction.paymentCurrency = "EUR"
        transaction.totalCostCents = total
        transaction.maxCostCents = 6000
        transaction.paymentState = .init(total > 0 ? "COMMITTED" : "VOIDED")
        transaction.emvDeviceType = "PAYTER"
        transaction.paymentDetails = .init(
            priceSummary: .init(totalPrice: total, totalPriceExVat: (total / 1.255).rounded(), vatAmount: total - (total / 1.255).rounded(),
                                energyPrice: total, energyPriceExVat: (total / 1.255).rounded()),
            cardScheme: random.pick(["VISA", "MASTERCARD"]), cardType: "DEBIT",
            maskedCardNumber: "************\(random.string(length: 4, alphabet: "0123456789"))",
            authMethod: "ContactlessICC"
        )
    }
}
