import ChargEyeAPI
import Foundation

/// Builds a realistic operator's fleet from a seed: the same seed always gives the same
/// locations, stations, connectors, transactions and vehicles. Live values (connector status,
/// session SoC and power) follow the clock: statuses change every few minutes and a session's
/// state of charge rises while it runs.
struct FleetGenerator: Sendable {
    let seed: UInt64
    /// The instant history is counted back from.
    let epoch: Date

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
            tenantIdEMSP: nil
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
        return (1...count).map { "KEM-\(city.code)-\(String(format: "%03d", locationIndex + 1))-S\(String(format: "%02d", $0))" }
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

    private func stationName(locationIndex: Int, number: Int) -> String {
        var random = SeededRandom(seed: seed, 10, UInt64(locationIndex), UInt64(number))
        return "\(random.pick(CityCatalog.stationNames)) \(number)"
    }

    private func model(locationIndex: Int, number: Int) -> CityCatalog.StationModel {
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
        let online = random.chance(0.93)
        let status = online ? random.weighted([("Operative", 88), ("Faulted", 7), ("Unavailable", 5)]) : "Unavailable"
        let connectorCount = Int.random(in: hardware.connectors, using: &random)
        let connectors = (1...connectorCount).map { connectorNumber in
            connector(
                stationId: stationId, number: connectorNumber, hardware: hardware,
                usable: online && status == "Operative", now: now
            )
        }
        let powerNow = connectors.compactMap { $0.latestTransaction?.powerKw }.reduce(0, +)
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

    private func connector(
        stationId: String, number: Int, hardware: CityCatalog.StationModel, usable: Bool, now: Date
    ) -> Components.Schemas.ConnectorInfo {
        var random = SeededRandom(seed: seed, 5, hash(stationId), UInt64(number))
        let type = random.weighted(hardware.connectorTypes)
        let maxPower = type == "CHAdeMO" ? min(100, hardware.connectorPowerKw[0]) : random.pick(hardware.connectorPowerKw)
        let name = "\(type == "Type2" ? "Socket" : "Satellite") \(number) \(type)"
        let period = Int(now.timeIntervalSince(epoch) / Self.statusPeriod)
        var live = SeededRandom(seed: seed, 6, hash(stationId), UInt64(number), UInt64(max(0, period)))
        let status = usable
            ? live.weighted([("Available", 42), ("Charging", 32), ("Occupied", 8), ("Reserved", 3), ("Faulted", 6), ("Unavailable", 4), ("Unknown", 2), ("Preparing", 3)])
            : "Unavailable"
        let periodStart = epoch.addingTimeInterval(Double(period) * Self.statusPeriod)
        let session: Components.Schemas.ConnectorTransaction?
        switch status {
        case "Charging", "Occupied":
            session = liveSession(number: number, type: type, maxPower: maxPower, periodStart: periodStart, now: now, charging: status == "Charging", random: &live)
        case "Available", "Faulted", "Unavailable":
            session = live.chance(0.7) ? endedSession(number: number, type: type, maxPower: maxPower, before: periodStart, random: &live) : nil
        default:
            session = nil
        }
        return .init(
            connectorId: .case2(String(number)), name: name, _type: .init(type), status: .init(status),
            maxPowerKw: maxPower, maxPowerKwActual: maxPower - random.decimal(0...3), latestTransaction: session,
            lastTransaction: nil
        )
    }

    private func liveSession(
        number: Int, type: String, maxPower: Double, periodStart: Date, now: Date, charging: Bool,
        random: inout SeededRandom
    ) -> Components.Schemas.ConnectorTransaction {
        let start = periodStart.addingTimeInterval(-Double.random(in: 120...3000, using: &random))
        let minutes = max(0, now.timeIntervalSince(start)) / 60
        let socStart = Double(Int.random(in: 8...45, using: &random))
        let socLimit = random.pick([80.0, 90, 100])
        let vehicleKw = random.pick([50.0, 110, 150, 250, 300])
        let power = charging ? min(maxPower, vehicleKw) * random.decimal(0.6...0.98, places: 2) : 0
        let energy = power * minutes / 60
        let soc = min(socLimit, socStart + energy / random.pick([75.0, 390, 470]) * 100)
        return .init(
            txId: random.uuid(), status: .init(charging ? "Charging" : "PluggedInIdle"),
            triggerReason: "MeterValuePeriodic", connectorId: .case2(String(number)),
            connectorName: "Satellite \(number) \(type)", authorizationToken: random.string(length: 14, alphabet: "0123456789ABCDEF"),
            startTime: start, chargingStartTime: start.addingTimeInterval(25), startReason: "Authorized",
            chargedEnergyKwh: (energy * 100).rounded() / 100, powerKw: (power * 10).rounded() / 10,
            powerKwAvg: (power * 0.92 * 10).rounded() / 10, powerKwMax: (min(maxPower, vehicleKw) * 10).rounded() / 10,
            soc: soc.rounded(), socInitial: socStart, socLimit: socLimit, updateTime: now,
            powerLimitation: .init(random.weighted([("Vehicle", 6), ("Charger", 2), ("Grid", 1), ("Shared", 1)]))
        )
    }

    private func endedSession(
        number: Int, type: String, maxPower: Double, before: Date, random: inout SeededRandom
    ) -> Components.Schemas.ConnectorTransaction {
        let end = before.addingTimeInterval(-Double.random(in: 60...7200, using: &random))
        let duration = Double.random(in: 900...5400, using: &random)
        let socStart = Double(Int.random(in: 10...50, using: &random))
        let average = min(maxPower, random.pick([45.0, 90, 140, 200])) * 0.85
        return .init(
            txId: random.uuid(), status: .init("Ended"), triggerReason: "EVDeparted",
            connectorId: .case2(String(number)), connectorName: "Satellite \(number) \(type)",
            startTime: end.addingTimeInterval(-duration), endTime: end,
            chargingStartTime: end.addingTimeInterval(-duration + 30), chargingEndTime: end.addingTimeInterval(-60),
            startReason: "Authorized", endReason: random.pick(["EVDisconnected", "SOCLimitReached", "StoppedByEV", "Local"]),
            chargedEnergyKwh: (average * duration / 3600 * 100).rounded() / 100,
            powerKwAvg: (average * 10).rounded() / 10, powerKwMax: (average * 1.2 * 10).rounded() / 10,
            soc: min(100, socStart + 45), socInitial: socStart, socLimit: 80
        )
    }

    // MARK: Assets

    func assets(locationIndex: Int, location: Location) -> [Components.Schemas.LocationChargingStation] {
        stationIds(locationIndex: locationIndex).enumerated().map { offset, stationId in
            let number = offset + 1
            var random = SeededRandom(seed: seed, 7, UInt64(locationIndex), UInt64(number))
            let hardware = model(locationIndex: locationIndex, number: number)
            let delivered = epoch.addingTimeInterval(-Double.random(in: 30...1400, using: &random) * 86400)
            return .init(
                stationId: stationId,
                name: stationName(locationIndex: locationIndex, number: number),
                model: hardware.model,
                vendorName: "Kempower",
                firmwareVersion: "1.\(Int.random(in: 30...42, using: &random)).\(Int.random(in: 0...9, using: &random))",
                maxPowerKw: hardware.maxPowerKw,
                operationalStatus: .init(random.weighted([("IN_OPERATION", 18), ("NOT_IN_OPERATION", 1), ("OUT_OF_ORDER", 1)])),
                commissioningRequired: false,
                customer: .init(id: "cus_\(Int.random(in: 10...99, using: &random))", name: location._operator?.name),
                customerSuppliedId: "\(location.locationId ?? "SITE")-\(number)",
                notes: random.chance(0.2) ? "Cable replaced on satellite 2" : nil,
                locationUid: location.id,
                classification: .init(
                    access: siteKind(locationIndex: locationIndex).isDepot ? "PRIVATE" : "PUBLIC",
                    parkingType: random.pick(["PARKING_LOT", "PARKING_GARAGE", "ALONG_MOTORWAY", "ON_DRIVEWAY"])
                ),
                manufacturingInfo: .init(
                    productId: "KP-\(Int(hardware.maxPowerKw))",
                    productName: hardware.product,
                    serialNumber: "KP\(Int.random(in: 19...25, using: &random))-\(Int.random(in: 100_000...999_999, using: &random))",
                    deliveryDate: delivered.formatted(.iso8601.year().month().day()),
                    orderNumber: "SO-\(Int.random(in: 10_000...99_999, using: &random))"
                )
            )
        }
    }

    // MARK: Transactions

    /// A station's finished transactions, newest first.
    func transactions(stationId: String, locationIndex: Int, location: Location) -> [Components.Schemas.Transaction] {
        var random = SeededRandom(seed: seed, 8, hash(stationId))
        let count = Int.random(in: 20...160, using: &random)
        let vehicles = siteKind(locationIndex: locationIndex).isDepot ? self.vehicles(locationIndex: locationIndex, locationUid: location.id) : []
        var end = epoch.addingTimeInterval(-Double.random(in: 600...7200, using: &random))
        return (0..<count).map { _ in
            let duration = Double.random(in: 600...9000, using: &random)
            let start = end.addingTimeInterval(-duration)
            let connector = Int.random(in: 1...4, using: &random)
            let type = random.weighted([("CCS", 9), ("CHAdeMO", 1)])
            let average = random.pick([38.0, 74, 112, 146, 188])
            let energy = average * duration / 3600 * random.decimal(0.8...0.98, places: 2)
            let socStart = Double(Int.random(in: 5...50, using: &random))
            let vehicle = vehicles.isEmpty || random.chance(0.3) ? nil : random.pick(vehicles)
            let failed = random.chance(0.04)
            let transaction = Components.Schemas.Transaction(
                txId: random.uuid(), stationId: stationId, locationUid: location.id,
                evseId: .case2(String(connector)), actualEVSEId: .case1(Double(connector)),
                evseName: "Satellite \(connector) \(type)", evseType: .init(type), status: .init("Ended"),
                triggerReason: "EVDeparted", startTime: start, endTime: end,
                chargingStartTime: start.addingTimeInterval(30), chargingEndTime: end.addingTimeInterval(-45),
                startReason: random.pick(["Authorized", "CablePluggedIn", "RemoteStart"]),
                endReason: failed ? "EmergencyStop" : random.pick(["EVDisconnected", "SOCLimitReached", "StoppedByEV", "Local"]),
                chargedEnergyKwh: failed ? 0.4 : (energy * 100).rounded() / 100,
                socStart: socStart, socEnd: failed ? socStart : min(100, socStart + energy / 4.7),
                socLimit: 80, avgPowerKw: average, maxPowerKw: (average * 1.25).rounded(),
                chargingDurationMs: (duration - 75) * 1000, sessionDurationMs: duration * 1000,
                authorizationMethod: random.weighted([("RFID_TOKEN", 6), ("EVMAC", 3), ("REMOTE_AUTH", 1)]),
                authorizationToken: random.string(length: 14, alphabet: "0123456789ABCDEF"),
                idToken: .init(idToken: random.string(length: 14, alphabet: "0123456789ABCDEF"), _type: "ISO14443"),
                evMacAddress: vehicle?.evMacAddress,
                technicalFailClassification: failed ? "ABRUPT_STOP" : "OK",
                powerLimitation: .init(random.weighted([("Vehicle", 6), ("Charger", 2), ("Grid", 1)])),
                vehicle: vehicle.map {
                    .init(id: $0.id, name: $0.name, evModel: $0.evModel, licensePlate: $0.licensePlate,
                          maxChargePowerkW: .case2($0.maxChargePowerkW?.text ?? "150"))
                }
            )
            end = start.addingTimeInterval(-Double.random(in: 300...14400, using: &random))
            return transaction
        }
    }

    // MARK: Vehicles

    func vehicles(locationIndex: Int, locationUid: String) -> [Components.Schemas.Vehicle] {
        guard siteKind(locationIndex: locationIndex).isDepot else { return [] }
        var random = SeededRandom(seed: seed, 9, UInt64(locationIndex))
        let count = Int.random(in: 4...18, using: &random)
        let city = CityCatalog.cities[locationIndex % CityCatalog.cities.count]
        return (1...count).map { number in
            let model = random.pick(CityCatalog.vehicleModels)
            let fleetNumber = 100 * (locationIndex % 9 + 1) + number
            return .init(
                id: "veh-\(String(format: "%04d", fleetNumber))-\(city.code.lowercased())",
                name: model.model.contains("Transit") || model.model.contains("Buzz") ? "Van \(fleetNumber)" : "Bus \(fleetNumber)",
                evModel: model.model,
                licensePlate: "\(random.string(length: 3, alphabet: "ABCEFGHJKLMNPRSTUVXZ"))-\(Int.random(in: 100...999, using: &random))",
                notes: random.chance(0.15) ? "Pantograph retrofit planned" : nil,
                evMacAddress: (0..<6).map { _ in String(format: "%02X", Int.random(in: 0...255, using: &random)) }.joined(separator: ":"),
                fullChargeEnergykWh: .case1(model.batteryKwh),
                maxChargePowerkW: .case1(model.maxKw),
                consumption: model.consumption,
                enableChargeScheduling: random.chance(0.7),
                supportsPauseResume: random.chance(0.4),
                locationUid: .case1(locationUid)
            )
        }
    }

    private func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(1_469_598_103_934_665_603) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}
