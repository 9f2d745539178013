import ChargEyeAPI
import Foundation

/// A depot's vehicle registry (public sites have none).
extension FleetGenerator {
    func vehicles(locationIndex: Int, locationUid: String) -> [Components.Schemas.Vehicle] {
        guard siteKind(locationIndex: locationIndex).isDepot else { return [] }
        var random = SeededRandom(seed: seed, 9, UInt64(locationIndex))
        let count = Int.random(in: 4...18, using: &random)
        let city = CityCatalog.cities[locationIndex % CityCatalog.cities.count]
        return (1...count).map { number in
            let model = random.pick(CityCatalog.vehicleModels)
            let fleetNumber = 100 * (locationIndex % 9 + 1) + number
            let id = "veh-\(String(format: "%04d", fleetNumber))-\(city.code.lowercased())"
            let mac = (0..<6).map { _ in String(format: "%02X", Int.random(in: 0...255, using: &random)) }.joined(separator: ":")
            let reportsItself = random.chance(0.3)
            return .init(
                id: id,
                name: model.model.contains("Transit") || model.model.contains("Buzz") ? "Van \(fleetNumber)" : "Bus \(fleetNumber)",
                evModel: model.model,
                licensePlate: "\(random.string(length: 3, alphabet: "ABCEFGHJKLMNPRSTUVXZ"))-\(Int.random(in: 100...999, using: &random))",
                notes: random.chance(0.15) ? "Pantograph retrofit planned" : nil,
                evMacAddress: mac,
                fullChargeEnergykWh: .case1(model.batteryKwh),
                maxChargePowerkW: .case1(model.maxKw),
                consumption: model.consumption,
                enableChargeScheduling: random.chance(0.7),
                supportsPauseResume: random.chance(0.4),
                locationUid: .case1(locationUid),
                v2icpParameters: .init(
                    interiorHvac: .init(random.pick(["NoPreconditioning", "HotWaterAndHeating", "OnlyHotWaterAndVentilation"])),
                    preconditioning: random.chance(0.5)
                ),
                v2icp: reportsItself ? .init(
                    evId: id, vin: "YV3T2U\(random.string(length: 11, alphabet: "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"))",
                    timestamp: try? TolerantDateTranscoder().encode(epoch.addingTimeInterval(-Double.random(in: 3600...864_000, using: &random))),
                    evMacAddress: mac, locationUid: locationUid, odometer: Double(Int.random(in: 8_000...420_000, using: &random))
                ) : nil
            )
        }
    }
}
