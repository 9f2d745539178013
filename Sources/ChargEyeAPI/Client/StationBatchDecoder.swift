import Foundation

/// Decodes a batch of streamed stations (`{"stations":[...]}` as `ListScanner` hands it over)
/// straight from its bytes: the fleet-wide answer is tens of MB, and the generated decoder
/// reads it at about 5 MB/s. The same contract as `LocationBatchDecoder`: the regular case only
/// (known keys with the definition's types, unknown keys passed over, open enums as strings,
/// timestamps `TolerantDateTranscoder` reads); on anything else it gives up (`nil`) and the
/// generated decoder, the reference for every result and error, decodes the batch. The fuzzer
/// and the tests check the two agree.
enum StationBatchDecoder {
    static func decode(_ batch: [UInt8]) -> [Station]? {
        JSONByteReader.list(batch, key: "stations") { $0.station() }
    }
}

/// The stations answer's own shapes, read with `JSONByteReader`.
extension JSONByteReader {
    /// One station; `object` already refuses a key given twice.
    fileprivate mutating func station() -> Station? {
        var station = Station(stationId: "")
        var hasID = false
        let complete = object { key, reader in
            switch key {
            case "stationId":
                guard let id = reader.string() else { return false }
                station.stationId = id
                hasID = true
                return true
            case "name": return reader.optionalString(into: &station.name)
            case "status": return reader.openEnum(into: &station.status)
            case "onlineStatus": return reader.openEnum(into: &station.onlineStatus)
            case "connectors": return reader.optional(into: &station.connectors) { $0.array { $0.connector() } }
            case "location": return reader.optional(into: &station.location) { $0.place() }
            case "locationUid": return reader.optionalString(into: &station.locationUid)
            case "maxPowerKw": return reader.optionalNumber(into: &station.maxPowerKw)
            case "maxPowerA": return reader.optionalNumber(into: &station.maxPowerA)
            case "currentPowerKw": return reader.optionalNumber(into: &station.currentPowerKw)
            case "currentPowerA": return reader.optionalNumber(into: &station.currentPowerA)
            case "acDcPowerRatio": return reader.optionalNumber(into: &station.acDcPowerRatio)
            case "powerGroupParentPath": return reader.optional(into: &station.powerGroupParentPath) { $0.array { $0.string() } }
            case "stationCapabilities": return reader.optionalString(into: &station.stationCapabilities)
            case "labels": return reader.optional(into: &station.labels) { $0.array { $0.label() } }
            default: return reader.skipValue(depth: 0)
            }
        }
        return complete && hasID ? station : nil
    }

    private mutating func connector() -> Components.Schemas.ConnectorInfo? {
        var connector = Components.Schemas.ConnectorInfo(connectorId: .case1(0))
        var hasID = false
        let complete = object { key, reader in
            switch key {
            case "connectorId":
                guard let id = reader.numberOrString() else { return false }
                connector.connectorId = id
                hasID = true
                return true
            case "name": return reader.optionalString(into: &connector.name)
            case "type": return reader.openEnum(into: &connector._type)
            case "status": return reader.openEnum(into: &connector.status)
            case "maxPowerKw": return reader.optionalNumber(into: &connector.maxPowerKw)
            case "maxPowerKwActual": return reader.optionalNumber(into: &connector.maxPowerKwActual)
            case "latestTransaction": return reader.optional(into: &connector.latestTransaction) { $0.session() }
            case "lastTransaction": return reader.optional(into: &connector.lastTransaction) { $0.session() }
            default: return reader.skipValue(depth: 0)
            }
        }
        return complete && hasID ? connector : nil
    }

    /// A connector's session (`ConnectorTransaction`).
    private mutating func session() -> Components.Schemas.ConnectorTransaction? {
        var session = Components.Schemas.ConnectorTransaction()
        let complete = object { key, reader in
            switch key {
            case "txId": return reader.optionalString(into: &session.txId)
            case "status": return reader.openEnum(into: &session.status)
            case "triggerReason": return reader.openEnum(into: &session.triggerReason)
            case "connectorId": return reader.optional(into: &session.connectorId) { $0.numberOrString() }
            case "connectorName": return reader.optionalString(into: &session.connectorName)
            case "authorizationToken": return reader.optionalString(into: &session.authorizationToken)
            case "startTime": return reader.optionalTimestamp(into: &session.startTime)
            case "endTime": return reader.optionalTimestamp(into: &session.endTime)
            case "chargingStartTime": return reader.optionalTimestamp(into: &session.chargingStartTime)
            case "chargingEndTime": return reader.optionalTimestamp(into: &session.chargingEndTime)
            case "updateTime": return reader.optionalTimestamp(into: &session.updateTime)
            case "startReason": return reader.openEnum(into: &session.startReason)
            case "endReason": return reader.openEnum(into: &session.endReason)
            case "chargingStartReason": return reader.openEnum(into: &session.chargingStartReason)
            case "chargingEndReason": return reader.openEnum(into: &session.chargingEndReason)
            case "powerLimitation": return reader.openEnum(into: &session.powerLimitation)
            case "connectorType": return reader.openEnum(into: &session.connectorType)
            case "chargedEnergyKwh": return reader.optionalNumber(into: &session.chargedEnergyKwh)
            case "energyLimitKwh": return reader.optionalNumber(into: &session.energyLimitKwh)
            case "powerKw": return reader.optionalNumber(into: &session.powerKw)
            case "powerKwAvg": return reader.optionalNumber(into: &session.powerKwAvg)
            case "powerKwMax": return reader.optionalNumber(into: &session.powerKwMax)
            case "soc": return reader.optionalNumber(into: &session.soc)
            case "socInitial": return reader.optionalNumber(into: &session.socInitial)
            case "socLimit": return reader.optionalNumber(into: &session.socLimit)
            case "timeLimitMs": return reader.optionalNumber(into: &session.timeLimitMs)
            case "schedulePlan": return reader.optional(into: &session.schedulePlan) { $0.schedulePlan() }
            case "evseId": return reader.optional(into: &session.evseId) { $0.numberOrString() }
            default: return reader.skipValue(depth: 0)
            }
        }
        return complete ? session : nil
    }

    private mutating func schedulePlan() -> Components.Schemas.TxSchedulePlanInfo? {
        var plan = Components.Schemas.TxSchedulePlanInfo()
        let complete = object { key, reader in
            switch key {
            case "powerkW": return reader.optionalNumber(into: &plan.powerkW)
            case "powerkWValidUntil": return reader.optionalTimestamp(into: &plan.powerkWValidUntil)
            case "updatedAt": return reader.optionalTimestamp(into: &plan.updatedAt)
            case "evId": return reader.optionalString(into: &plan.evId)
            case "scheduleId": return reader.optionalString(into: &plan.scheduleId)
            case "plannedArrivalTime": return reader.optionalTimestamp(into: &plan.plannedArrivalTime)
            case "plannedDepartureTime": return reader.optionalTimestamp(into: &plan.plannedDepartureTime)
            case "targetSoC": return reader.optionalNumber(into: &plan.targetSoC)
            default: return reader.skipValue(depth: 0)
            }
        }
        return complete ? plan : nil
    }

    /// Where a station is (`StationPlace`).
    private mutating func place() -> Components.Schemas.StationPlace? {
        var place = Components.Schemas.StationPlace()
        let complete = object { key, reader in
            switch key {
            case "name": return reader.optionalString(into: &place.name)
            case "address": return reader.optionalString(into: &place.address)
            case "lat": return reader.optionalNumber(into: &place.lat)
            case "lng": return reader.optionalNumber(into: &place.lng)
            default: return reader.skipValue(depth: 0)
            }
        }
        return complete ? place : nil
    }

    /// `null` or a string, as the generated decoder reads an open enum: the known value when
    /// the text is one, and always the text.
    private mutating func openEnum<Value: OpenEnumValue>(into field: inout Value?) -> Bool {
        optional(into: &field) { reader in reader.string().map { Value($0) } }
    }

    /// A string, or else a number (the generated `oneOf` tries a number first; a string is
    /// never one). Deciding by the first byte keeps a failed number from leaving the reader
    /// part-way (`-"7"` is no value at all).
    private mutating func numberOrString() -> Components.Schemas.NumberOrString? {
        if nextIsString() { return string().map { .case2($0) } }
        return number().map { .case1($0) }
    }

    /// `null` or a timestamp `TolerantDateTranscoder` reads (the generated decoder's transcoder).
    private mutating func optionalTimestamp(into field: inout Date?) -> Bool {
        optional(into: &field) { reader in reader.string().flatMap(TolerantDateTranscoder.parse) }
    }
}
