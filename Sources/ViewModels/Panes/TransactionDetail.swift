import ChargEyeAPI
import Foundation

/// The detail of one transaction: the session first, then what an operator checks when a
/// session went wrong (power and limits, temperatures, who authorised it, payment), each group
/// with units and shown only when the server sent something for it.
extension DetailBuilder {
    func transaction(_ item: Transaction, summary: TransactionsSummary?) -> (String, [DetailPane.Line]) {
        // At the end when it ended, else now.
        let stateOfCharge = item.socEnd ?? item.soc
        var result = lines([
            ("transaction", item.txId), ("station", item.stationId), ("connector", item.evseId?.text),
            ("connector name", item.evseName), ("type", item.evseType?.text), ("status", item.status?.text),
            ("started", Format.timestamp(item.startTime, now: now, zone: zone)),
            ("ended", Format.timestamp(item.endTime, now: now, zone: zone)),
            ("duration", Format.duration(seconds: item.sessionDurationMs.map { $0 / 1000 })),
            ("charging time", Format.duration(seconds: item.chargingDurationMs.map { $0 / 1000 })),
            ("energy", Format.unit(item.chargedEnergyKwh, "kWh", decimals: 2)),
            ("SoC", Format.stateOfCharge(start: item.socStart, now: stateOfCharge, limit: item.socLimit)),
            ("start reason", item.startReason?.text), ("end reason", item.endReason?.text),
            ("end detail", item.endReasonDescription), ("outcome", item.technicalFailClassification?.text),
            ("alarms", item.chargingEndAlarms?.joined(separator: ", ")),
        ])
        var powerLines = group("Power", power(item, isLive: item.isLive))
        if item.isLive {
            // A live session: how hard it charges against what the charger can give, and how full.
            powerLines = adding(.power(powerNow(item), of: evseMaximum(item)), under: "power now", in: powerLines)
            result = adding(.stateOfCharge(start: item.socStart, now: stateOfCharge, limit: item.socLimit), under: "SoC", in: result)
        }
        result += powerLines
        result += group("Temperatures", [
            ("ambient", Format.unit(item.ambientTemp, "°C")), ("pin 1", Format.unit(item.pin1temp, "°C")),
            ("pin 2", Format.unit(item.pin2temp, "°C")),
        ])
        result += group("Vehicle and authorisation", [
            ("vehicle", item.vehicle.map { [$0.name, $0.evModel, $0.licensePlate].compactMap { $0 }.joined(separator: " · ") }),
            ("vehicle guess", item.evCluster?.displayName ?? nil), ("EV MAC", item.evMacAddress),
            ("protocol", item.evCommunicationStandard?.text), ("auth method", item.authorizationMethod?.text),
            ("id token", item.idToken?.idToken ?? nil), ("contract", item.contractId),
        ])
        result += group("Payment", payment(item))
        if let summary {
            result += group("Station totals", [
                ("transactions", summary.count.map { Format.number($0, decimals: 0) }),
                ("energy", Format.unit(summary.chargedEnergyKwh, "kWh")),
                ("charging time", Format.duration(seconds: summary.chargingTimeMs.map { $0 / 1000 })),
            ])
        }
        return (item.txId, result)
    }

    /// A heading and its lines, or nothing when none of the values is there.
    private func group(_ title: String, _ pairs: [(String, String?)]) -> [DetailPane.Line] {
        let body = lines(pairs)
        return body.isEmpty ? [] : [heading(title)] + body
    }

    /// The power now in kW: `power` is in watts; `powerKw` is the same reading in kW where a
    /// server sends that.
    private func powerNow(_ item: Transaction) -> Double? {
        item.power.map { $0 / 1000 } ?? item.powerKw
    }

    /// The most the charger can give this session, in kW: the unrounded figure, else the
    /// rounded one (as a connector's maximum); nil when neither is a positive number.
    private func evseMaximum(_ item: Transaction) -> Double? {
        StationText.firstMaximum(item.evseMaxPowerkWActual, item.evseMaxPowerKw)
    }

    private func power(_ item: Transaction, isLive: Bool) -> [(String, String?)] {
        [
            ("power now", isLive ? Format.power(powerNow(item), of: evseMaximum(item)) : Format.unit(powerNow(item), "kW")), ("avg power", Format.unit(item.avgPowerKw, "kW")),
            ("max power", Format.unit(item.maxPowerKw, "kW")), ("limited by", item.powerLimitation?.text),
            ("current", Format.unit(item.current, "A")), ("voltage", Format.unit(item.voltage, "V")),
            ("target", pair(Format.unit(item.targetCurrent, "A"), Format.unit(item.targetVoltage, "V"))),
            ("EVSE max", Format.unit(evseMaximum(item), "kW")),
            ("EV max", [Format.unit(item.evMaximumPower, "kW"), Format.unit(item.evMaximumCurrent, "A"),
                        Format.unit(item.evMaximumVoltage, "V")].compactMap { $0 }.joined(separator: " · ")),
            ("to bulk", Format.duration(seconds: item.timeToBulk)), ("to full", Format.duration(seconds: item.timeToFull)),
            ("energy limit", Format.unit(item.energyLimitKwh, "kWh")),
            ("time limit", Format.duration(seconds: item.timeLimitMs.map { $0 / 1000 })),
        ]
    }

    private func payment(_ item: Transaction) -> [(String, String?)] {
        let currency = item.paymentCurrency.map { " \($0)" } ?? ""
        let card = item.paymentDetails.flatMap { details in
            [details.cardScheme, details.maskedCardNumber].compactMap { $0 }.joined(separator: " ")
        }
        return [
            ("state", item.paymentState?.text),
            ("cost", item.totalCostCents.map { Format.number($0 / 100, decimals: 2) + currency }),
            ("max cost", item.maxCostCents.map { Format.number($0 / 100, decimals: 2) + currency }),
            ("card", card),
        ]
    }

    private func pair(_ first: String?, _ second: String?) -> String? {
        let parts = [first, second].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
