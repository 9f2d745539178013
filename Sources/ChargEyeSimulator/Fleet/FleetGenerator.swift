import ChargEyeAPI
import Foundation

/// Builds a realistic operator's fleet from a seed: the same seed always gives the same
/// locations, stations, connectors, transactions and vehicles. Live values (connector status,
/// session SoC and power) follow the clock: statuses change every few minutes and a session's
/// state of charge rises while it runs. Sessions and transaction history are in
/// `FleetGenerator+Sessions` and `+Transactions`, asset records and vehicles in `+Assets` and
/// `+Vehicles`.
struct FleetGenerator: Sendable {
    let seed: UInt64
    /// The instant history is counted back from.
    let epoch: Date
    /// Whether the data varies the way real answers do (see `DataVariance`); the typed part of
    /// it is here: numeric connector ids, `lastTransaction` for `latestTransaction`, values
    /// outside the known enums.
    let variance: Bool

    /// How long a connector keeps its live status before it may change.
    static let statusPeriod: TimeInterval = 60

    // MARK: Locations

    func location(index: Int) -> Location {
        var random = SeededRandom(seed: seed, 1, UInt64(index))
        let city = CityCatalog.cities[index % CityCatalog.cities.count]
        let kind = random.pick(CityCatalog.siteKinds)
        let street = random.pick(city.streets)
        let number = Int.random(in: 1...180, using: &random)
        let operatorInfo = random.pick(CityCatalog.operators)
        let round = index / CityCatalog.cities.count
        let name = round == 0 ? "\(city.name) \(kind.name)" : "\(city.name) \(kind.name) \(round + 1)"
        var labels = [Components.Schemas.Label(value: kind.isDepot ? "Depot" : "Public")]
        let extra = random.pick(CityCatalog.labels)
        if random.chance(0.4), !labels.contains(where: { $0.value == extra }) { labels.append(.init(value: extra)) }
        return Location(
            id: random.string(length: 10),
            name: name,
            address: "\(street) \(number)",
            city: city.name,
            postalCode: postalCode(city.postalPattern, &random),
            state: city.region,
            country: city.country,
            countryCode: city.countryCode,
            lat: city.lat + random.decimal(-0.08...0.08, places: 4),
            lng: city.lng + random.decimal(-0.12...0.12, places: 4),
            locationId: random.chance(0.6) ? "\(city.code)-\(kind.isDepot ? "DEPOT" : "SITE")-\(round < 9 ? "0" : "")\(round + 1)" : nil,
            labels: labels,
            _operator: .init(name: operatorInfo.name, website: operatorInfo.website),
            roamingPoolId: kind.isDepot ? nil : "pool-\(city.countryCode.lowercased())-public",
            tenantIdCPO: "tenant-\(operatorInfo.name.prefix(3).lowercased())",
            tenantIdEMSP: nil,
            tenantIds: ["tenant-\(operatorInfo.name.prefix(3).lowercased())"]
        )
    }

    func siteKind(locationIndex: Int) -> CityCatalog.SiteKind {
        var random = SeededRandom(seed: seed, 1, UInt64(locationIndex))
        return random.pick(CityCatalog.siteKinds)
    }

    /// `pattern` with each `#` replaced by a random digit (patterns are ASCII).
    private func postalCode(_ pattern: String, _ random: inout SeededRandom) -> String {
        let template = Array(pattern.utf8)
        return String(unsafeUninitializedCapacity: template.count) { buffer in
            for (offset, byte) in template.enumerated() {
                buffer[offset] = byte == UInt8(ascii: "#") ? UInt8(ascii: "0") + UInt8(Int.random(in: 0...9, using: &random)) : byte
            }
            return template.count
        }
    }

    // MARK: Stations

    /// The station ids of a location, e.g. `KEM-HEL-001-S03`.
    func stationIds(locationIndex: Int) -> [String] {
        var random = SeededRandom(seed: seed, 2, UInt64(locationIndex))
        let count = Int.random(in: siteKind(locationIndex: locationIndex).stations, using: &random)
        let city = CityCatalog.cities[locationIndex % CityCatalog.cities.count]
        let prefix = "KEM-\(city.code)-\(Self.zeroPadded(locationIndex + 1, to: 3))-S"
        return (1...count).map { prefix + Self.zeroPadded($0, to: 2) }
    }

    /// A non-negative `value`'s digits with leading zeros up to `width` (as `%0*d` formats
    /// it, without Foundation's formatter: every fleet read makes every station id).
    static func zeroPadded(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The location index and station number encoded in a station id, if it is one of ours.
    func parse(stationId: String) -> (locationIndex: Int, number: Int)? {
        let parts = stationId.split(separator: "-")
        guard parts.count == 4, parts[0] == "KEM", let location = Int(parts[2]), location >= 1,
            parts[3].hasPrefix("S"), let number = Int(parts[3].dropFirst()), number >= 1
        else { return nil }
        let index = location - 1
        guard number <= stationIds(locationIndex: index).count,
            stationIds(locationIndex: index)[number - 1] == stationId
        else { return nil }
        return (index, number)
    }

    func stationName(locationIndex: Int, number: Int) -> String {
        var random = SeededRandom(seed: seed, 10, UInt64(locationIndex), UInt64(number))
        return "\(random.pick(CityCatalog.stationNames)) \(number)"
    }

    func model(locationIndex: Int, number: Int) -> CityCatalog.StationModel {
        var random = SeededRandom(seed: seed, 3, UInt64(locationIndex), UInt64(number))
        return siteKind(locationIndex: locationIndex).isDepot
            ? random.weighted([(CityCatalog.stationModels[0], 5), (CityCatalog.stationModels[1], 3), (CityCatalog.stationModels[5], 1)])
            : random.weighted(CityCatalog.stationModels.map { ($0, 1) })
    }

    /// The live view of a location's stations at `now`.
    func stations(locationIndex: Int, location: Location, now: Date) -> [Components.Schemas.StationInfo] {
        stationIds(locationIndex: locationIndex).enumerated().map { offset, stationId in
            station(stationId, locationIndex: locationIndex, number: offset + 1, location: location, now: now)
        }
    }

    private func station(
        _ stationId: String, locationIndex: Int, number: Int, location: Location, now: Date
    ) -> Components.Schemas.StationInfo {
        var random = SeededRandom(seed: seed, 4, UInt64(locationIndex), UInt64(number))
        let hardware = model(locationIndex: locationIndex, number: number)
        let incident = stationIncidents.active(for: hash(stationId), at: now)
        let online = incident != "Offline"
        let status = incident == "Faulted" || incident == "Unavailable" ? incident! : online ? "Operative" : "Unavailable"
        let connectorCount = Int.random(in: hardware.connectors, using: &random)
        var shape = SeededRandom(seed: seed, 11, UInt64(locationIndex), UInt64(number))
        let style = ConnectorStyle(
            numericIds: variance && shape.chance(0.15), sessionKey: variance && shape.chance(0.25) ? .last : .latest
        )
        let connectors = (1...connectorCount).map { connectorNumber in
            connector(
                stationId: stationId, number: connectorNumber, hardware: hardware,
                usable: online && status == "Operative", now: now, style: style
            )
        }
        let powerNow = connectors.compactMap { $0.session?.powerKw }.reduce(0, +)
        return .init(
            stationId: stationId,
            name: stationName(locationIndex: locationIndex, number: number),
            status: .init(status),
            onlineStatus: .init(online ? "Online" : "Offline"),
            connectors: connectors,
            location: .init(name: location.name, address: location.address, lat: location.lat, lng: location.lng),
            locationUid: location.id,
            maxPowerKw: random.chance(0.95) ? hardware.maxPowerKw : 0,
            maxPowerA: (hardware.maxPowerKw * 1000 / (400 * 1.732) * 1.05).rounded(),
            currentPowerKw: (powerNow * 10).rounded() / 10,
            currentPowerA: (powerNow * 1000 / (400 * 1.732) / 0.95).rounded(),
            acDcPowerRatio: 0.95,
            powerGroupParentPath: hardware.maxPowerKw >= 400 ? ["pg-\(location.id.lowercased())"] : nil,
            stationCapabilities: hardware.maxPowerKw >= 400 ? "SerialConnection" : nil,
            labels: nil
        )
    }

    /// How a station's answer names its connectors and their sessions (both forms are real).
    struct ConnectorStyle {
        enum SessionKey { case latest, last }
        var numericIds: Bool
        var sessionKey: SessionKey

        func id(_ number: Int) -> Components.Schemas.NumberOrString {
            numericIds ? .case1(Double(number)) : .case2(String(number))
        }
    }

    private func connector(
        stationId: String, number: Int, hardware: CityCatalog.StationModel, usable: Bool, now: Date,
        style: ConnectorStyle
    ) -> Components.Schemas.ConnectorInfo {
        let stationHash = hash(stationId)
        var random = SeededRandom(seed: seed, 5, stationHash, UInt64(number))
        let type = random.weighted(hardware.connectorTypes)
        let maxPower = type == "CHAdeMO" ? min(100, hardware.connectorPowerKw[0]) : random.pick(hardware.connectorPowerKw)
        let name = "\(type == "Type2" ? "Socket" : "Satellite") \(number) \(type)"
        let period = Int(now.timeIntervalSince(epoch) / Self.statusPeriod)
        var live = SeededRandom(seed: seed, 6, stationHash, UInt64(number), UInt64(max(0, period)))
        let fault = connectorIncidents.active(for: stationHash &+ UInt64(number), at: now)
        let status = !usable ? "Unavailable" : fault
            ?? live.weighted([("Available", 42), ("Charging", 32), ("Occupied", 8), ("Reserved", 3), ("Preparing", 3)])
        let periodStart = epoch.addingTimeInterval(Double(period) * Self.statusPeriod)
        let session: Components.Schemas.ConnectorTransaction?
        let place = SessionPlace(connectorId: style.id(number), name: name, type: type, maxPowerKw: maxPower)
        switch status {
        case "Charging", "Occupied":
            session = liveSession(at: place, periodStart: periodStart, now: now, charging: status == "Charging", random: &live)
        case "Available", "Faulted", "Unavailable":
            session = live.chance(0.7) ? endedSession(at: place, before: periodStart, random: &live) : nil
        default:
            session = nil
        }
        return .init(
            connectorId: style.id(number), name: name, _type: .init(type), status: .init(status),
            maxPowerKw: maxPower, maxPowerKwActual: ((maxPower - random.decimal(0...3)) * 10).rounded() / 10,
            latestTransaction: style.sessionKey == .latest ? session : nil,
            lastTransaction: style.sessionKey == .last ? session : nil
        )
    }

    /// About 3.5 % of stations offline, faulted or unavailable at any time.
    var stationIncidents: Incidents<String> {
        Incidents(seed: seed, salt: 12, startChance: 0.008, kinds: [("Offline", 40), ("Faulted", 35), ("Unavailable", 25)])
    }

    /// About 2 % of the connectors of working stations faulted, unavailable or unknown.
    var connectorIncidents: Incidents<String> {
        Incidents(seed: seed, salt: 13, startChance: 0.0045, kinds: [("Faulted", 60), ("Unavailable", 30), ("Unknown", 10)])
    }

    func hash(_ text: String) -> UInt64 {
        SeededRandom.hash(text.utf8)
    }
}
