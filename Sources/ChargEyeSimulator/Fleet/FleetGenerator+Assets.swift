import ChargEyeAPI
import Foundation

/// The asset (administrative) records of a location's stations.
extension FleetGenerator {
    func assets(locationIndex: Int, location: Location) -> [Components.Schemas.LocationChargingStation] {
        stationIds(locationIndex: locationIndex).enumerated().map { offset, stationId in
            let number = offset + 1
            var random = SeededRandom(seed: seed, 7, UInt64(locationIndex), UInt64(number))
            let hardware = model(locationIndex: locationIndex, number: number)
            let delivered = epoch.addingTimeInterval(-Double.random(in: 30...1400, using: &random) * 86400)
            let isDepot = siteKind(locationIndex: locationIndex).isDepot
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
                    access: .init(isDepot ? "PRIVATE" : "PUBLIC"),
                    parkingType: .init(random.pick(["PARKING_LOT", "PARKING_GARAGE", "ALONG_MOTORWAY", "ON_DRIVEWAY"])),
                    applicationTypes: isDepot ? .init(value1: [random.pick(["BUS_DEPOT", "LOGISTICS", "FLEET"])]) : nil
                ),
                manufacturingInfo: .init(
                    productId: "KP-\(Int(hardware.maxPowerKw))",
                    productName: hardware.product,
                    serialNumber: "KP\(Int.random(in: 19...25, using: &random))-\(Int.random(in: 100_000...999_999, using: &random))",
                    deliveryDate: delivered.formatted(.iso8601.year().month().day()),
                    orderNumber: "SO-\(Int.random(in: 10_000...99_999, using: &random))",
                    serialNumberStatus: "VERIFIED"
                ),
                groupPath: hardware.maxPowerKw >= 400 ? "/pg-\(location.id.lowercased())" : nil,
                licenseId: "lic-\(random.string(length: 8, alphabet: "0123456789abcdef"))",
                licenseTenantId: location.tenantIdCPO,
                location: .init(
                    id: location.id, name: location.name, address: location.address, lat: location.lat, lng: location.lng,
                    locationId: location.locationId, roamingPoolId: location.roamingPoolId
                ),
                stationCapabilities: hardware.maxPowerKw >= 400 ? "SerialConnection" : nil,
                tenantIdCPO: location.tenantIdCPO,
                tenantIdEMSP: location.tenantIdEMSP,
                tenantIds: location.tenantIds
            )
        }
    }
}
