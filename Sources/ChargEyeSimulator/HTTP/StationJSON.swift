import ChargEyeAPI

/// The simulator's stations written with `JSONByteWriter`: every property the definition
/// gives them, in the generated `CodingKeys` order, nil ones left out, as the generated
/// server's encoder does.
extension JSONByteWriter {
    mutating func station(_ station: Components.Schemas.StationInfo) {
        object { json in
            json.member("stationId", station.stationId)
            json.member("name", station.name)
            json.member("status", station.status)
            json.member("onlineStatus", station.onlineStatus)
            json.member("connectors", station.connectors) { $0.array($1) { $0.connector($1) } }
            json.member("location", station.location) { $0.place($1) }
            json.member("locationUid", station.locationUid)
            json.member("maxPowerKw", station.maxPowerKw)
            json.member("maxPowerA", station.maxPowerA)
            json.member("currentPowerKw", station.currentPowerKw)
            json.member("currentPowerA", station.currentPowerA)
            json.member("acDcPowerRatio", station.acDcPowerRatio)
            json.member("powerGroupParentPath", station.powerGroupParentPath) { $0.array($1) { $0.string($1) } }
            json.member("stationCapabilities", station.stationCapabilities)
            json.member("labels", station.labels) { $0.array($1) { $0.label($1) } }
        }
    }

    private mutating func connector(_ connector: Components.Schemas.ConnectorInfo) {
        object { json in
            json.member("connectorId", connector.connectorId)
            json.member("name", connector.name)
            json.member("type", connector._type)
            json.member("status", connector.status)
            json.member("maxPowerKw", connector.maxPowerKw)
            json.member("maxPowerKwActual", connector.maxPowerKwActual)
            json.member("latestTransaction", connector.latestTransaction) { $0.session($1) }
            json.member("lastTransaction", connector.lastTransaction) { $0.session($1) }
        }
    }

    private mutating func session(_ session: Components.Schemas.ConnectorTransaction) {
        object { json in
            json.member("txId", session.txId)
            json.member("status", session.status)
            json.member("triggerReason", session.triggerReason)
            json.member("connectorId", session.connectorId)
            json.member("connectorName", session.connectorName)
            json.member("authorizationToken", session.authorizationToken)
            json.member("startTime", session.startTime)
            json.member("endTime", session.endTime)
            json.member("chargingStartTime", session.chargingStartTime)
            json.member("chargingEndTime", session.chargingEndTime)
            json.member("startReason", session.startReason)
            json.member("endReason", session.endReason)
            json.member("chargedEnergyKwh", session.chargedEnergyKwh)
            json.member("energyLimitKwh", session.energyLimitKwh)
            json.member("powerKw", session.powerKw)
            json.member("powerKwAvg", session.powerKwAvg)
            json.member("powerKwMax", session.powerKwMax)
            json.member("soc", session.soc)
            json.member("socInitial", session.socInitial)
            json.member("socLimit", session.socLimit)
            json.member("updateTime", session.updateTime)
            json.member("powerLimitation", session.powerLimitation)
            json.member("chargingStartReason", session.chargingStartReason)
            json.member("chargingEndReason", session.chargingEndReason)
            json.member("connectorType", session.connectorType)
            json.member("timeLimitMs", session.timeLimitMs)
            json.member("schedulePlan", session.schedulePlan) { $0.schedulePlan($1) }
            json.member("evseId", session.evseId)
        }
    }

    private mutating func schedulePlan(_ plan: Components.Schemas.TxSchedulePlanInfo) {
        object { json in
            json.member("powerkW", plan.powerkW)
            json.member("powerkWValidUntil", plan.powerkWValidUntil)
            json.member("updatedAt", plan.updatedAt)
            json.member("evId", plan.evId)
            json.member("scheduleId", plan.scheduleId)
            json.member("plannedArrivalTime", plan.plannedArrivalTime)
            json.member("plannedDepartureTime", plan.plannedDepartureTime)
            json.member("targetSoC", plan.targetSoC)
        }
    }

    private mutating func place(_ place: Components.Schemas.StationPlace) {
        object { json in
            json.member("name", place.name)
            json.member("address", place.address)
            json.member("lat", place.lat)
            json.member("lng", place.lng)
        }
    }

    /// A label (stations and locations have them).
    mutating func label(_ label: Components.Schemas.Label) {
        object { json in
            json.member("value", label.value)
            json.member("tenantIds", label.tenantIds) { $0.array($1) { $0.string($1) } }
        }
    }
}
