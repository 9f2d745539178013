public import Foundation

/// Live stations kept compactly, for fleets of tens of thousands. As generated, a `Station`
/// with four connectors takes about 6 KB, because every connector holds two sessions inline
/// (633 bytes each, present or not). Here a station is a row of about 100 bytes, a connector
/// 56, a session that is there about 200; texts sit in a shared `TextStore`, statuses and
/// other values most stations share are stored once. A `Station` is made only when one is
/// asked for, and without its connectors' sessions (most of a station) where a list only
/// sorts, counts or searches; ids, names, power and session times are read from the rows.
public struct StationTable: RandomAccessCollection, Equatable, Sendable {
    struct StationRow: Sendable {
        var id, name, locationUid, capabilities: TextStore.Ref
        var status, online: UInt32
        var maxPowerKw, maxPowerA, currentPowerKw, currentPowerA, acDcPowerRatio: Double
        var place, labels, powerGroup: UInt32
        /// The first connector's row, and how many (-1: no `connectors` at all).
        var firstConnector: UInt32
        var connectorCount: Int32

        /// Where its connectors' rows are (none when it has no `connectors`).
        var connectorPositions: Range<Int> { Int(firstConnector)..<Int(firstConnector) + Swift.max(0, Int(connectorCount)) }
    }

    struct ConnectorRow: Sendable {
        var connectorId: NumberOrText
        var name: TextStore.Ref
        var type, status: UInt32
        var maxPowerKw, maxPowerKwActual: Double
        /// Session rows; both point at one row when the two keys held the same session.
        var latest, last: UInt32
    }

    struct SessionRow: Sendable {
        var txId, connectorName, authorizationToken: TextStore.Ref
        var connectorId, evseId: NumberOrText
        var status, triggerReason, startReason, endReason, chargingStartReason, chargingEndReason: UInt32
        var powerLimitation, connectorType, schedulePlan: UInt32
        var startTime, endTime, chargingStartTime, chargingEndTime, updateTime: Double
        var chargedEnergyKwh, energyLimitKwh, powerKw, powerKwAvg, powerKwMax: Double
        var soc, socInitial, socLimit, timeLimitMs: Double
    }

    /// A value the API sends as a number or as text: the number, or the text, or neither (nil).
    struct NumberOrText: Sendable {
        var number: Double
        var text: TextStore.Ref
    }

    /// Stands for an absent number (a NaN no JSON number decodes to).
    static let absentNumber = Double(bitPattern: 0x7FF4_C0DE_0000_0000)
    static let absentRow = UInt32.max

    /// Marks one table and what grows from it by appending (`isExtension(of:)`).
    private final class Origin: Sendable {}

    private let origin = Origin()
    var stationRows = ChunkedRows<StationRow>()
    var connectorRows = ChunkedRows<ConnectorRow>()
    var sessionRows = ChunkedRows<SessionRow>()
    var texts = TextStore()
    /// Status and reason texts (the open enums), each stored once.
    var words = ValueSet<String>()
    var places = ValueSet<Components.Schemas.StationPlace>()
    var labelSets = ValueSet<[Components.Schemas.Label]>()
    var powerGroups = ValueSet<[String]>()
    var schedulePlans = ValueSet<Components.Schemas.TxSchedulePlanInfo>()

    /// An empty table.
    public init() {}

    /// A table of `stations`, in their order.
    public init(_ stations: some Sequence<Station>) {
        append(contentsOf: stations)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { stationRows.count }

    /// The station at `position`, made from its rows.
    public subscript(position: Int) -> Station {
        station(at: position, withSessions: true)
    }

    /// The stations with their connectors but without the connectors' sessions, made as they
    /// are read: what counts, sorts and filters need, at a fraction of the cost (a session is
    /// most of a station).
    public var withoutSessions: LazyMapCollection<Range<Int>, Station> {
        indices.lazy.map { station(at: $0, withSessions: false) }
    }

    /// The station at `position`; without its connectors' sessions unless `withSessions`.
    public func station(at position: Int, withSessions: Bool) -> Station {
        let row = stationRows[position]
        return Station(
            stationId: texts.string(row.id) ?? "", name: texts.string(row.name),
            status: word(row.status).map(Components.Schemas.StationStatus.init),
            onlineStatus: word(row.online).map(Components.Schemas.OnlineStatus.init),
            connectors: connectors(of: row, withSessions: withSessions), location: places[row.place], locationUid: texts.string(row.locationUid),
            maxPowerKw: Self.number(row.maxPowerKw), maxPowerA: Self.number(row.maxPowerA),
            currentPowerKw: Self.number(row.currentPowerKw), currentPowerA: Self.number(row.currentPowerA),
            acDcPowerRatio: Self.number(row.acDcPowerRatio), powerGroupParentPath: powerGroups[row.powerGroup],
            stationCapabilities: texts.string(row.capabilities), labels: labelSets[row.labels]
        )
    }

    /// The id of the station at `position`.
    public func stationId(at position: Int) -> String {
        texts.string(stationRows[position].id) ?? ""
    }

    /// The name of the station at `position`.
    public func name(at position: Int) -> String? {
        texts.string(stationRows[position].name)
    }

    /// The power the station at `position` delivers now, in kW.
    public func currentPowerKw(at position: Int) -> Double? {
        Self.number(stationRows[position].currentPowerKw)
    }

    /// The location id of the station at `position`.
    public func locationUid(at position: Int) -> String? {
        texts.string(stationRows[position].locationUid)
    }

    /// The name of the location of the station at `position`, as the station gives it.
    public func locationName(at position: Int) -> String? {
        places[stationRows[position].place]?.name ?? nil
    }

    /// The statuses of the station at `position` and of its connectors, read from the rows.
    public func statuses(at position: Int) -> StationStatuses {
        let row = stationRows[position]
        return StationStatuses(
            status: word(row.status).map(Components.Schemas.StationStatus.init),
            onlineStatus: word(row.online).map(Components.Schemas.OnlineStatus.init),
            connectors: row.connectorCount < 0 ? nil : row.connectorPositions.map {
                word(connectorRows[$0].status).map(Components.Schemas.ConnectorStatus.init)
            }
        )
    }

    /// The types of the connectors of the station at `position`, in order.
    public func connectorTypes(at position: Int) -> [Components.Schemas.ConnectorType?] {
        stationRows[position].connectorPositions.map { word(connectorRows[$0].type).map(Components.Schemas.ConnectorType.init) }
    }

    /// The first index into `positions` whose station has the id `id` (compared as bytes,
    /// without making a string per station).
    public func firstIndex(ofID id: String, in positions: [Int]) -> Int? {
        var id = id
        return id.withUTF8 { wanted in positions.firstIndex { texts.isEqual(stationRows[$0].id, to: wanted) } }
    }

    /// Whether this table is `other` with stations appended (or `other` itself): tables only
    /// grow, so one that started as `other` and has at least its rows holds them first. (Two
    /// copies of one table, each appended to separately, would both pass: the fleet read's
    /// collector is the only one appending to the tables it hands out.)
    public func isExtension(of other: StationTable) -> Bool {
        origin === other.origin && count >= other.count
    }

    /// The latest time a session of the station at `position` shows: for each connector's
    /// session (`latestTransaction`, else `lastTransaction`), its end, else its last update,
    /// else its start. Read from the rows, without making the sessions.
    public func latestSessionTime(at position: Int) -> Date? {
        let row = stationRows[position]
        guard row.connectorCount > 0 else { return nil }
        var latest: Double?
        for connector in row.connectorPositions {
            let connectorRow = connectorRows[connector]
            let session = connectorRow.latest != Self.absentRow ? connectorRow.latest : connectorRow.last
            guard session != Self.absentRow else { continue }
            let times = sessionRows[Int(session)]
            guard let time = Self.number(times.endTime) ?? Self.number(times.updateTime) ?? Self.number(times.startTime) else { continue }
            latest = Swift.max(latest ?? time, time)
        }
        return latest.map(Date.init(timeIntervalSinceReferenceDate:))
    }

    /// Adds `station` at the end.
    public mutating func append(_ station: Station) {
        var row = StationRow(
            id: texts.add(station.stationId), name: texts.add(station.name), locationUid: texts.intern(station.locationUid),
            capabilities: texts.intern(station.stationCapabilities),
            status: words.add(station.status?.text), online: words.add(station.onlineStatus?.text),
            maxPowerKw: Self.stored(station.maxPowerKw), maxPowerA: Self.stored(station.maxPowerA),
            currentPowerKw: Self.stored(station.currentPowerKw), currentPowerA: Self.stored(station.currentPowerA),
            acDcPowerRatio: Self.stored(station.acDcPowerRatio), place: places.add(station.location),
            labels: labelSets.add(station.labels), powerGroup: powerGroups.add(station.powerGroupParentPath),
            firstConnector: UInt32(connectorRows.count), connectorCount: -1
        )
        if let connectors = station.connectors {
            row.connectorCount = Int32(connectors.count)
            for connector in connectors { appendConnector(connector) }
        }
        stationRows.append(row)
    }

    /// Adds `stations` at the end.
    public mutating func append(contentsOf stations: some Sequence<Station>) {
        for station in stations { append(station) }
    }

    /// Adds the stations of `other` at the end, those `keep` accepts (it gets each one's
    /// position in `other`), moving rows rather than making stations: a streamed batch joins
    /// the table it was read for.
    mutating func append(contentsOf other: StationTable, keeping keep: (Int) -> Bool = { _ in true }) {
        let text = texts.append(other.texts), word = words.append(other.words), place = places.append(other.places)
        let labels = labelSets.append(other.labelSets), group = powerGroups.append(other.powerGroups)
        let plan = schedulePlans.append(other.schedulePlans)
        func moved(_ value: NumberOrText) -> NumberOrText { NumberOrText(number: value.number, text: text(value.text)) }
        func movedSession(_ position: UInt32) -> UInt32 {
            guard position != Self.absentRow else { return position }
            var row = other.sessionRows[Int(position)]
            row.txId = text(row.txId)
            row.connectorName = text(row.connectorName)
            row.authorizationToken = text(row.authorizationToken)
            row.connectorId = moved(row.connectorId)
            row.evseId = moved(row.evseId)
            row.status = word(row.status)
            row.triggerReason = word(row.triggerReason)
            row.startReason = word(row.startReason)
            row.endReason = word(row.endReason)
            row.chargingStartReason = word(row.chargingStartReason)
            row.chargingEndReason = word(row.chargingEndReason)
            row.powerLimitation = word(row.powerLimitation)
            row.connectorType = word(row.connectorType)
            row.schedulePlan = plan(row.schedulePlan)
            sessionRows.append(row)
            return UInt32(sessionRows.count - 1)
        }
        for position in other.indices where keep(position) {
            var row = other.stationRows[position]
            for connector in row.connectorPositions {
                var connectorRow = other.connectorRows[connector]
                connectorRow.connectorId = moved(connectorRow.connectorId)
                connectorRow.name = text(connectorRow.name)
                connectorRow.type = word(connectorRow.type)
                connectorRow.status = word(connectorRow.status)
                // Latest and last share a row only within one connector.
                let shared = connectorRow.last == connectorRow.latest
                connectorRow.latest = movedSession(connectorRow.latest)
                connectorRow.last = shared ? connectorRow.latest : movedSession(connectorRow.last)
                connectorRows.append(connectorRow)
            }
            row.firstConnector = UInt32(connectorRows.count - row.connectorPositions.count)
            row.id = text(row.id)
            row.name = text(row.name)
            row.locationUid = text(row.locationUid)
            row.capabilities = text(row.capabilities)
            row.status = word(row.status)
            row.online = word(row.online)
            row.place = place(row.place)
            row.labels = labels(row.labels)
            row.powerGroup = group(row.powerGroup)
            stationRows.append(row)
        }
    }

    public static func == (left: StationTable, right: StationTable) -> Bool {
        let shared = left.stationRows.isIdentical(to: right.stationRows) && left.connectorRows.isIdentical(to: right.connectorRows)
            && left.sessionRows.isIdentical(to: right.sessionRows)
        return shared || (left.count == right.count && left.elementsEqual(right))
    }

    // MARK: Connectors and sessions

    private func connectors(of row: StationRow, withSessions: Bool) -> [Connector]? {
        guard row.connectorCount >= 0 else { return nil }
        return row.connectorPositions.map { position in
            let row = connectorRows[position]
            let latest = withSessions ? session(row.latest) : nil
            let last = !withSessions ? nil : row.last == row.latest ? latest : session(row.last)
            return Connector(
                connectorId: number(row.connectorId) ?? .case1(0), name: texts.string(row.name),
                _type: word(row.type).map(Components.Schemas.ConnectorType.init),
                status: word(row.status).map(Components.Schemas.ConnectorStatus.init),
                maxPowerKw: Self.number(row.maxPowerKw), maxPowerKwActual: Self.number(row.maxPowerKwActual),
                latestTransaction: latest, lastTransaction: last
            )
        }
    }

    private mutating func appendConnector(_ connector: Connector) {
        let latest = appendSession(connector.latestTransaction)
        let last = connector.lastTransaction == connector.latestTransaction ? latest : appendSession(connector.lastTransaction)
        connectorRows.append(ConnectorRow(
            connectorId: stored(connector.connectorId), name: texts.intern(connector.name),
            type: words.add(connector._type?.text), status: words.add(connector.status?.text),
            maxPowerKw: Self.stored(connector.maxPowerKw), maxPowerKwActual: Self.stored(connector.maxPowerKwActual),
            latest: latest, last: last
        ))
    }

    private func session(_ position: UInt32) -> ConnectorSession? {
        guard position != Self.absentRow else { return nil }
        let row = sessionRows[Int(position)]
        return ConnectorSession(
            txId: texts.string(row.txId), status: word(row.status).map(Components.Schemas.TransactionStatus.init),
            triggerReason: word(row.triggerReason).map(Components.Schemas.TriggerReason.init),
            connectorId: number(row.connectorId), connectorName: texts.string(row.connectorName),
            authorizationToken: texts.string(row.authorizationToken),
            startTime: Self.date(row.startTime), endTime: Self.date(row.endTime),
            chargingStartTime: Self.date(row.chargingStartTime), chargingEndTime: Self.date(row.chargingEndTime),
            startReason: word(row.startReason).map(Components.Schemas.StartReason.init),
            endReason: word(row.endReason).map(Components.Schemas.EndReason.init),
            chargedEnergyKwh: Self.number(row.chargedEnergyKwh), energyLimitKwh: Self.number(row.energyLimitKwh),
            powerKw: Self.number(row.powerKw), powerKwAvg: Self.number(row.powerKwAvg), powerKwMax: Self.number(row.powerKwMax),
            soc: Self.number(row.soc), socInitial: Self.number(row.socInitial), socLimit: Self.number(row.socLimit),
            updateTime: Self.date(row.updateTime),
            powerLimitation: word(row.powerLimitation).map(Components.Schemas.PowerLimitation.init),
            chargingStartReason: word(row.chargingStartReason).map(Components.Schemas.StartReason.init),
            chargingEndReason: word(row.chargingEndReason).map(Components.Schemas.EndReason.init),
            connectorType: word(row.connectorType).map(Components.Schemas.ConnectorType.init),
            timeLimitMs: Self.number(row.timeLimitMs), schedulePlan: schedulePlans[row.schedulePlan],
            evseId: number(row.evseId)
        )
    }

    private mutating func appendSession(_ session: ConnectorSession?) -> UInt32 {
        guard let session else { return Self.absentRow }
        sessionRows.append(SessionRow(
            txId: texts.add(session.txId), connectorName: texts.intern(session.connectorName),
            authorizationToken: texts.add(session.authorizationToken),
            connectorId: stored(session.connectorId), evseId: stored(session.evseId),
            status: words.add(session.status?.text), triggerReason: words.add(session.triggerReason?.text),
            startReason: words.add(session.startReason?.text), endReason: words.add(session.endReason?.text),
            chargingStartReason: words.add(session.chargingStartReason?.text),
            chargingEndReason: words.add(session.chargingEndReason?.text),
            powerLimitation: words.add(session.powerLimitation?.text), connectorType: words.add(session.connectorType?.text),
            schedulePlan: schedulePlans.add(session.schedulePlan),
            startTime: Self.stored(session.startTime), endTime: Self.stored(session.endTime),
            chargingStartTime: Self.stored(session.chargingStartTime), chargingEndTime: Self.stored(session.chargingEndTime),
            updateTime: Self.stored(session.updateTime),
            chargedEnergyKwh: Self.stored(session.chargedEnergyKwh), energyLimitKwh: Self.stored(session.energyLimitKwh),
            powerKw: Self.stored(session.powerKw), powerKwAvg: Self.stored(session.powerKwAvg),
            powerKwMax: Self.stored(session.powerKwMax), soc: Self.stored(session.soc),
            socInitial: Self.stored(session.socInitial), socLimit: Self.stored(session.socLimit),
            timeLimitMs: Self.stored(session.timeLimitMs)
        ))
        return UInt32(sessionRows.count - 1)
    }

    // MARK: Stored forms

    private func word(_ number: UInt32) -> String? { words[number] }

    private func number(_ stored: NumberOrText) -> Components.Schemas.NumberOrString? {
        if let text = texts.string(stored.text) { return .case2(text) }
        return Self.number(stored.number).map { .case1($0) }
    }

    private mutating func stored(_ value: Components.Schemas.NumberOrString?) -> NumberOrText {
        switch value {
        case .case1(let number)?: NumberOrText(number: number, text: .absent)
        case .case2(let text)?: NumberOrText(number: Self.absentNumber, text: texts.intern(text))
        case nil: NumberOrText(number: Self.absentNumber, text: .absent)
        }
    }

    private static func stored(_ number: Double?) -> Double { number ?? absentNumber }

    private static func stored(_ date: Date?) -> Double { date?.timeIntervalSinceReferenceDate ?? absentNumber }

    private static func number(_ stored: Double) -> Double? {
        stored.bitPattern == absentNumber.bitPattern ? nil : stored
    }

    private static func date(_ stored: Double) -> Date? {
        number(stored).map(Date.init(timeIntervalSinceReferenceDate:))
    }
}
