import ChargEyeFleet
import ChargEyeText
import ChargEyeAPI
import Foundation

/// The detail pane: every field of the selected item, labelled, with units and local times.
public struct DetailPane: Equatable, Sendable {
    /// One labelled value; an empty label makes a section heading, a gauge a bar under the
    /// value above it.
    public struct Line: Equatable, Sendable {
        public var label: String
        public var value: String
        public var role: Role
        public var gauge: Gauge? = nil
    }

    public var title: String
    public var lines: [Line]
    public var scroll: Int
    public var isFocused: Bool
}

extension AppState {
    /// The detail pane of the selected item.
    public var detailPane: DetailPane {
        let level = current
        var lines: [DetailPane.Line] = []
        var title = "Details"
        if let data = level.data, let index = level.selectedIndex {
            let builder = DetailBuilder(now: now, zone: timeZone, openKey: keyName(.open), retryKey: keyName(.retry))
            (title, lines) = builder.describe(data, at: level.visible[index], rollups: rollups, level: level)
        }
        if level.kind.isLive, !events.isEmpty {
            lines.append(.init(label: "", value: "Recent changes", role: .title))
            for event in events.prefix(5) {
                lines.append(.init(label: Format.timeOfDay(event.at, zone: timeZone), value: event.text, role: .accent))
            }
        }
        if let loadedAt = level.loadedAt {
            lines.append(.init(label: "", value: "", role: .normal))
            lines.append(.init(label: "as of", value: level.kind.isLive
                    ? Format.timestamp(loadedAt, now: now, zone: timeZone) ?? ""
                    : Format.clock(loadedAt, zone: timeZone, seconds: true), role: level.isStale ? .warning : .dim))
        }
        let maximum = max(0, lines.count - layout.detailText.height)
        return DetailPane(
            title: TextSanitizer.singleLine(title, limit: 80),
            lines: lines.map { .init(label: $0.label, value: TextSanitizer.singleLine($0.value, limit: 400), role: $0.role, gauge: $0.gauge) },
            scroll: min(detailScroll, maximum),
            isFocused: focus == .detail && mode != .help
        )
    }
}

/// Turns one item into labelled lines.
struct DetailBuilder {
    let now: Date
    let zone: TimeZone
    /// The key that drills in, for the hints among the details.
    let openKey: String
    /// The key that retries, for the hardware records that could not be read.
    let retryKey: String

    typealias Line = DetailPane.Line

    func describe(_ data: LevelData, at index: Int, rollups: [String: Rollup], level: Level) -> (String, [DetailPane.Line]) {
        switch data {
        case .locations(let items): location(items[index], rollup: rollups[items[index].id])
        case .stations(let items): station(items[index], hardware: level.hardware)
        case .connectors(let station): connector(station.connectors![index], station: station)
        case .transactions(let items): transaction(items[index], summary: level.summary)
        case .vehicles(let items): vehicle(items[index])
        }
    }

    func lines(_ pairs: [(String, String?)], role: Role = .normal) -> [Line] {
        pairs.compactMap { label, value in
            guard let value, !value.isEmpty else { return nil }
            return Line(label: label, value: value, role: role)
        }
    }

    func heading(_ text: String) -> Line { Line(label: "", value: text, role: .title) }

    /// `lines` with a gauge drawn under the line labelled `label`, when both are there.
    func adding(_ gauge: Gauge?, under label: String, in lines: [Line]) -> [Line] {
        guard let gauge, let index = lines.firstIndex(where: { $0.label == label }) else { return lines }
        var result = lines
        result.insert(Line(label: "", value: "", role: .normal, gauge: gauge), at: index + 1)
        return result
    }

    private func location(_ item: Location, rollup: Rollup?) -> (String, [Line]) {
        var result = lines([
            ("id", item.id), ("name", item.name), ("address", item.address),
            ("postal code", item.postalCode), ("city", item.city), ("state", item.state),
            ("country", [item.country, item.countryCode.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")),
            ("coordinates", item.lat.flatMap { lat in item.lng.map { "\(Format.number(lat, decimals: 5)), \(Format.number($0, decimals: 5))" } }),
            ("customer ref", item.locationId), ("operator", item._operator?.name), ("website", item._operator?.website ?? nil),
            ("labels", item.labels?.map(\.value).joined(separator: ", ")), ("roaming pool", item.roamingPoolId),
        ])
        if let rollup {
            result.append(heading("Status"))
            result += lines([
                ("stations", "\(rollup.stations) (\(rollup.offline) offline, \(rollup.faultedStations) faulted)"),
                ("connectors", "\(rollup.connectors): \(rollup.charging) charging, \(rollup.available) available, \(rollup.faultedConnectors) faulted"),
            ])
        } else {
            result.append(Line(label: "status", value: "\(openKey) to load stations", role: .dim))
        }
        return (item.name ?? item.id, result)
    }

    private func station(_ item: Station, hardware: HardwareRecords) -> (String, [Line]) {
        let maximum = StationText.maxPowerKw(item)
        var result = lines([
            ("station id", item.stationId), ("name", item.name), ("status", item.status?.text), ("online", item.onlineStatus?.text),
            ("power now", Format.power(item.currentPowerKw, of: maximum?.kW, isUpperBound: maximum?.isUpperBound ?? false)),
            ("max power", StationText.maxPower(item) + " kW"),
            ("current now", Format.unit(item.currentPowerA, "A", decimals: 0)), ("max current", Format.unit(item.maxPowerA, "A", decimals: 0)),
            ("AC/DC ratio", item.acDcPowerRatio.map { Format.number($0, decimals: 2) }),
            ("power group", item.powerGroupParentPath?.first), ("capabilities", item.stationCapabilities),
            ("location", item.location?.name ?? nil), ("address", item.location?.address ?? nil), ("location id", item.locationUid),
        ])
        result = adding(.power(item.currentPowerKw, of: maximum?.kW), under: "power now", in: result)
        result += self.hardware(hardware, stationId: item.stationId)
        result.append(heading("Connectors"))
        for connector in item.connectors ?? [] {
            result.append(Line(
                label: "#\(connector.id) \(connector._type?.text ?? "")",
                value: "\(connector.status?.text ?? "?") \(connector.session.map(StationText.sessionSummary) ?? "")",
                role: StationText.role(connector.status)
            ))
        }
        return (item.name ?? item.stationId, result)
    }

    private func connector(_ item: Connector, station: Station) -> (String, [Line]) {
        var result = lines([
            ("connector", item.id), ("name", item.name), ("type", item._type?.text), ("status", item.status?.text),
            ("max power", Format.unit(item.maxPowerKw, "kW")), ("max actual", Format.unit(item.maxPowerKwActual, "kW")),
            ("station", station.stationId),
        ])
        if let session = item.session {
            let isLive = session.isLive
            result.append(heading(isLive ? "Session" : "Previous session"))
            var sessionLines = lines([
                ("transaction", session.txId), ("status", session.status?.text),
                ("started", Format.timestamp(session.startTime, now: now, zone: zone)),
                ("ended", Format.timestamp(session.endTime, now: now, zone: zone)),
                ("SoC", Format.stateOfCharge(start: session.socInitial, now: session.soc, limit: session.socLimit)),
                ("energy", Format.unit(session.chargedEnergyKwh, "kWh", decimals: 2)),
                ("power", isLive ? Format.power(session.powerKw, of: StationText.maxPowerKw(item)) : Format.unit(session.powerKw, "kW")),
                ("avg power", Format.unit(session.powerKwAvg, "kW")),
                ("max power", Format.unit(session.powerKwMax, "kW")), ("limited by", session.powerLimitation?.text),
                ("start reason", session.startReason?.text), ("end reason", session.endReason?.text),
                ("updated", Format.timestamp(session.updateTime, now: now, zone: zone)),
            ])
            if isLive {
                sessionLines = adding(.power(session.powerKw, of: StationText.maxPowerKw(item)), under: "power", in: sessionLines)
                sessionLines = adding(.stateOfCharge(start: session.socInitial, now: session.soc, limit: session.socLimit), under: "SoC", in: sessionLines)
            }
            result += sessionLines
        }
        result.append(Line(label: "", value: "\(openKey): transactions of this station", role: .dim))
        return ("\(station.stationId) #\(item.id)", result)
    }

    private func vehicle(_ item: Vehicle) -> (String, [Line]) {
        let result = lines([
            ("vehicle id", item.id), ("name", item.name), ("model", item.evModel), ("plate", item.licensePlate),
            ("battery", item.fullChargeEnergykWh.map { "\($0.text) kWh" }), ("max charge", item.maxChargePowerkW.map { "\($0.text) kW" }),
            ("consumption", item.consumption.map { "\(Format.number($0, decimals: 0)) Wh/km" }),
            ("EV MAC", item.evMacAddress), ("scheduling", item.enableChargeScheduling.map { $0 ? "on" : "off" }),
            ("pause/resume", item.supportsPauseResume.map { $0 ? "supported" : "not supported" }), ("notes", item.notes),
        ])
        return (item.name ?? item.id, result)
    }
}
