import Foundation

/// Reading a batch of streamed stations (the items of `{"stations":[...]}` as `ListScanner`
/// hands them over) straight into a table's rows. The fleet-wide answer is tens of MB: the generated decoder
/// reads it at about 5 MB/s, and even a fast reader spends most of its time making the
/// `Station`s, strings and dates the table then takes apart. Here key names are matched as
/// bytes, texts go from the answer into the table's store, timestamps are read from their
/// bytes, and no `Station` is made.
///
/// The regular case only, as `LocationTable+Decoding`: the known keys with the definition's types,
/// unknown keys passed over, open enums as their text, timestamps `TolerantDateTranscoder`
/// reads. On anything else it gives up (nil) and the generated decoder, the reference for
/// every result and error, decodes the batch. The tests and the fuzzer check that the stations
/// the rows make equal the generated decoder's, item for item.
extension StationTable {
    /// The stations of a batch's items (`ListScanner.withCompleteItems`), or nil when they are
    /// not the regular case.
    static func decoding(items: UnsafeBufferPointer<UInt8>) -> StationTable? {
        var table = StationTable()
        var shared = SharedValues()
        return JSONByteReader.forEachItem(in: items) { table.readStation(&$0, shared: &shared) } ? table : nil
    }

    /// The last few places, label sets and power groups read, for the next stations that have
    /// the same (the stations of one location, listed together).
    private struct SharedValues {
        var place = RecentValues(), labels = RecentValues(), powerGroup = RecentValues()
    }

    private enum StationKey: String, CaseIterable, Sendable {
        case stationId, name, status, onlineStatus, connectors, location, locationUid, maxPowerKw, maxPowerA
        case currentPowerKw, currentPowerA, acDcPowerRatio, powerGroupParentPath, stationCapabilities, labels
    }

    private enum ConnectorKey: String, CaseIterable, Sendable {
        case connectorId, name, type, status, maxPowerKw, maxPowerKwActual, latestTransaction, lastTransaction
    }

    private enum SessionKey: String, CaseIterable, Sendable {
        case txId, status, triggerReason, connectorId, connectorName, authorizationToken
        case startTime, endTime, chargingStartTime, chargingEndTime, updateTime
        case startReason, endReason, chargingStartReason, chargingEndReason, powerLimitation, connectorType
        case chargedEnergyKwh, energyLimitKwh, powerKw, powerKwAvg, powerKwMax, soc, socInitial, socLimit, timeLimitMs
        case schedulePlan, evseId
    }

    private static let stationKeys = KnownKeys<StationKey>()
    private static let connectorKeys = KnownKeys<ConnectorKey>()
    private static let sessionKeys = KnownKeys<SessionKey>()

    /// One station, appended with its connectors and their sessions.
    private mutating func readStation(_ reader: inout JSONByteReader, shared: inout SharedValues) -> Bool {
        let none = TextStore.Ref.absent, absent = Self.absentNumber
        var row = StationRow(
            id: none, name: none, locationUid: none, capabilities: none, status: Self.absentRow, online: Self.absentRow,
            maxPowerKw: absent, maxPowerA: absent, currentPowerKw: absent, currentPowerA: absent, acDcPowerRatio: absent,
            place: Self.absentRow, labels: Self.absentRow, powerGroup: Self.absentRow,
            firstConnector: UInt32(connectorRows.count), connectorCount: -1
        )
        var hasID = false
        let complete = reader.object(keys: Self.stationKeys) { key, reader in
            switch key {
            case .stationId?:
                hasID = reader.requiredText(into: &row.id, of: &texts)
                return hasID
            case .name?: return reader.text(into: &row.name, of: &texts)
            case .status?: return readWord(&reader, into: &row.status)
            case .onlineStatus?: return readWord(&reader, into: &row.online)
            case .connectors?:
                if reader.literal("null") { return true }
                row.connectorCount = 0
                return reader.forEachElement { reader in
                    row.connectorCount += 1
                    return readConnector(&reader)
                }
            case .location?: return reader.value(into: &row.place, of: &places, recent: &shared.place) { $0.place() }
            case .locationUid?: return reader.text(into: &row.locationUid, of: &texts, interned: true)
            case .maxPowerKw?: return reader.number(into: &row.maxPowerKw)
            case .maxPowerA?: return reader.number(into: &row.maxPowerA)
            case .currentPowerKw?: return reader.number(into: &row.currentPowerKw)
            case .currentPowerA?: return reader.number(into: &row.currentPowerA)
            case .acDcPowerRatio?: return reader.number(into: &row.acDcPowerRatio)
            case .powerGroupParentPath?: return reader.value(into: &row.powerGroup, of: &powerGroups, recent: &shared.powerGroup) { $0.array { $0.string() } }
            case .stationCapabilities?: return reader.text(into: &row.capabilities, of: &texts, interned: true)
            case .labels?: return reader.value(into: &row.labels, of: &labelSets, recent: &shared.labels) { $0.array { $0.label() } }
            case nil: return reader.skipValue(depth: 0)
            }
        }
        guard complete, hasID else { return false }
        stationRows.append(row)
        return true
    }

    /// One connector, appended with its sessions. When `lastTransaction` is `latestTransaction`
    /// byte for byte (one session, as when it has just ended), both refer to one row.
    private mutating func readConnector(_ reader: inout JSONByteReader) -> Bool {
        let none = TextStore.Ref.absent, absent = Self.absentNumber
        var row = ConnectorRow(
            connectorId: NumberOrText(number: absent, text: none), name: none, type: Self.absentRow, status: Self.absentRow,
            maxPowerKw: absent, maxPowerKwActual: absent, latest: Self.absentRow, last: Self.absentRow
        )
        var hasID = false
        // The first session read (its bytes in the answer, and its row), for the second key
        // to share when it holds the same bytes.
        var firstSession: (bytes: UnsafeBufferPointer<UInt8>, row: UInt32)?
        func sessionField(_ reader: inout JSONByteReader, into field: inout UInt32) -> Bool {
            if reader.literal("null") { return true }
            if let firstSession, reader.take(copyOf: firstSession.bytes) {
                field = firstSession.row
                return true
            }
            var row: UInt32?
            guard let bytes = reader.measuring({ reader in
                row = self.readSession(&reader)
                return row != nil
            }), let row else { return false }
            field = row
            firstSession = (bytes, row)
            return true
        }
        let complete = reader.object(keys: Self.connectorKeys) { key, reader in
            switch key {
            case .connectorId?:
                hasID = readNumberOrText(&reader, into: &row.connectorId, allowingNull: false)
                return hasID
            case .name?: return reader.text(into: &row.name, of: &texts, interned: true)
            case .type?: return readWord(&reader, into: &row.type)
            case .status?: return readWord(&reader, into: &row.status)
            case .maxPowerKw?: return reader.number(into: &row.maxPowerKw)
            case .maxPowerKwActual?: return reader.number(into: &row.maxPowerKwActual)
            case .latestTransaction?: return sessionField(&reader, into: &row.latest)
            case .lastTransaction?: return sessionField(&reader, into: &row.last)
            case nil: return reader.skipValue(depth: 0)
            }
        }
        guard complete, hasID else { return false }
        connectorRows.append(row)
        return true
    }

    /// One session (`ConnectorTransaction`), appended; its row, or nil when it is not the
    /// regular case.
    private mutating func readSession(_ reader: inout JSONByteReader) -> UInt32? {
        let none = TextStore.Ref.absent, absent = Self.absentNumber, noWord = Self.absentRow
        let noNumber = NumberOrText(number: absent, text: none)
        var row = SessionRow(
            txId: none, connectorName: none, authorizationToken: none, connectorId: noNumber, evseId: noNumber,
            status: noWord, triggerReason: noWord, startReason: noWord, endReason: noWord, chargingStartReason: noWord,
            chargingEndReason: noWord, powerLimitation: noWord, connectorType: noWord, schedulePlan: Self.absentRow,
            startTime: absent, endTime: absent, chargingStartTime: absent, chargingEndTime: absent, updateTime: absent,
            chargedEnergyKwh: absent, energyLimitKwh: absent, powerKw: absent, powerKwAvg: absent, powerKwMax: absent,
            soc: absent, socInitial: absent, socLimit: absent, timeLimitMs: absent
        )
        // Few sessions carry a plan, and rarely the same one: none is shared between them.
        var plans = RecentValues()
        let complete = reader.object(keys: Self.sessionKeys) { key, reader in
            switch key {
            case .txId?: return reader.text(into: &row.txId, of: &texts)
            case .status?: return readWord(&reader, into: &row.status)
            case .triggerReason?: return readWord(&reader, into: &row.triggerReason)
            case .connectorId?: return readNumberOrText(&reader, into: &row.connectorId, allowingNull: true)
            case .connectorName?: return reader.text(into: &row.connectorName, of: &texts, interned: true)
            case .authorizationToken?: return reader.text(into: &row.authorizationToken, of: &texts)
            case .startTime?: return reader.timestamp(into: &row.startTime)
            case .endTime?: return reader.timestamp(into: &row.endTime)
            case .chargingStartTime?: return reader.timestamp(into: &row.chargingStartTime)
            case .chargingEndTime?: return reader.timestamp(into: &row.chargingEndTime)
            case .updateTime?: return reader.timestamp(into: &row.updateTime)
            case .startReason?: return readWord(&reader, into: &row.startReason)
            case .endReason?: return readWord(&reader, into: &row.endReason)
            case .chargingStartReason?: return readWord(&reader, into: &row.chargingStartReason)
            case .chargingEndReason?: return readWord(&reader, into: &row.chargingEndReason)
            case .powerLimitation?: return readWord(&reader, into: &row.powerLimitation)
            case .connectorType?: return readWord(&reader, into: &row.connectorType)
            case .chargedEnergyKwh?: return reader.number(into: &row.chargedEnergyKwh)
            case .energyLimitKwh?: return reader.number(into: &row.energyLimitKwh)
            case .powerKw?: return reader.number(into: &row.powerKw)
            case .powerKwAvg?: return reader.number(into: &row.powerKwAvg)
            case .powerKwMax?: return reader.number(into: &row.powerKwMax)
            case .soc?: return reader.number(into: &row.soc)
            case .socInitial?: return reader.number(into: &row.socInitial)
            case .socLimit?: return reader.number(into: &row.socLimit)
            case .timeLimitMs?: return reader.number(into: &row.timeLimitMs)
            case .schedulePlan?: return reader.value(into: &row.schedulePlan, of: &schedulePlans, recent: &plans) { $0.schedulePlan() }
            case .evseId?: return readNumberOrText(&reader, into: &row.evseId, allowingNull: true)
            case nil: return reader.skipValue(depth: 0)
            }
        }
        guard complete else { return nil }
        sessionRows.append(row)
        return UInt32(sessionRows.count - 1)
    }

    // MARK: Fields

    /// `null` or an open enum's text, stored once.
    private mutating func readWord(_ reader: inout JSONByteReader, into field: inout UInt32) -> Bool {
        if reader.literal("null") { return true }
        guard let word = reader.stringBytes({ words.add(utf8: $0) }) else { return false }
        field = word
        return true
    }

    /// A number, or else a text, as the generated `oneOf` reads `NumberOrString` (deciding by
    /// the first byte keeps a failed number from leaving the reader part-way).
    private mutating func readNumberOrText(_ reader: inout JSONByteReader, into field: inout NumberOrText, allowingNull: Bool) -> Bool {
        if allowingNull, reader.literal("null") { return true }
        if reader.nextIsString() {
            guard let text = reader.stringBytes({ texts.intern(bytes: $0) }) else { return false }
            field.text = text
            return true
        }
        return reader.number().map { field.number = $0 } != nil
    }
}

extension JSONByteReader {
    /// `null` (left absent) or a timestamp `TolerantDateTranscoder` reads, as seconds since
    /// 2001 (`Date`'s own form).
    fileprivate mutating func timestamp(into field: inout Double) -> Bool {
        if literal("null") { return true }
        guard let date = stringBytes(TolerantDateTranscoder.parse(bytes:)).flatMap({ $0 }) else { return false }
        field = date.timeIntervalSinceReferenceDate
        return true
    }

    /// A schedule plan (`TxSchedulePlanInfo`), which few sessions carry.
    fileprivate mutating func schedulePlan() -> Components.Schemas.TxSchedulePlanInfo? {
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
    fileprivate mutating func place() -> Components.Schemas.StationPlace? {
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

    /// `null` or a timestamp `TolerantDateTranscoder` reads (the generated decoder's transcoder).
    private mutating func optionalTimestamp(into field: inout Date?) -> Bool {
        optional(into: &field) { reader in reader.string().flatMap(TolerantDateTranscoder.parse) }
    }
}
