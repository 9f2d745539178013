import ChargEyeAPI
import Foundation

/// The part of real answers' variety that typed values cannot carry, applied to the JSON of an
/// answer: explicit nulls where the sources allow them (instead of absent members), members this
/// definition does not know, and timestamps without a zone or with an offset instead of `Z`
/// (the same instant). Which items vary follows from their ids, so an item keeps its shape from
/// one refresh to the next. `--strict-data` turns it off. The typed part (numeric connector ids,
/// `lastTransaction`, values outside the enums, a bare location) is in `FleetGenerator`.
enum DataVariance {
    /// What a list holds, by the API path that answered it.
    enum Kind {
        case locations, location, stations, assets, transactions, vehicles

        init?(path: Substring) {
            let segments = path.split(separator: "/")
            switch (segments.count, segments.first, segments.last) {
            case (1, "locations", _): self = .locations
            case (2, "locations", _): self = .location
            case (3, "locations", "stations"): self = .assets
            case (1, "stations", _): self = .stations
            case (3, "chargingStations", "transactions"): self = .transactions
            case (1, "vehicles", _): self = .vehicles
            default: return nil
            }
        }
    }

    /// The varied answer, or nil to send it unchanged.
    static func vary(_ body: [UInt8], kind: Kind) -> [UInt8]? {
        guard let answer = RawJSON(body), let members = answer.members else { return nil }
        let varied = members.map { member -> (key: String, value: RawJSON) in
            if kind == .location, member.key == "location" { return (member.key, varyItem(member.value, rules: rules(kind))) }
            guard member.key == listKey(kind), let items = member.value.elements else { return member }
            return (member.key, RawJSON(array: items.map { varyItem($0, rules: rules(kind)) }))
        }
        let object = kind == .location && !members.contains { $0.key == "location" }
            ? varyItem(answer, rules: rules(kind)) : RawJSON(object: varied)
        return TimestampVariance.apply(to: object.bytes)
    }

    private static func listKey(_ kind: Kind) -> String {
        switch kind {
        case .locations: "locations"
        case .location: "location"
        case .stations, .assets: "stations"
        case .transactions: "transactions"
        case .vehicles: "vehicles"
        }
    }

    /// For one kind of item: the member naming it, the nullable members that may come as
    /// explicit nulls, the unknown members that may appear, and what varies in its children.
    struct Rules {
        var idKey: String
        var nullable: [String]
        var unknown: [(key: String, json: String)]
        var children: [String: Rules] = [:]
    }

    private static func rules(_ kind: Kind) -> Rules {
        switch kind {
        case .locations, .location:
            Rules(idKey: "id", nullable: ["state", "postalCode", "locationId", "roamingPoolId", "tenantIdEMSP",
                                          "tenantIdMaintenance", "operator", "bounds", "positionEstimate", "labels"],
                  unknown: [("timeZone", #""Europe/Helsinki""#), ("openingTimes", #"{"twentyfourseven":true,"regular_hours":[]}"#)])
        case .stations:
            Rules(idKey: "stationId", nullable: ["powerGroupParentPath", "stationCapabilities", "labels", "acDcPowerRatio"],
                  unknown: [("ocppVersion", #""2.0.1""#), ("lastHeartbeatAgeS", "17")],
                  children: ["connectors": Rules(
                      idKey: "connectorId", nullable: ["latestTransaction"],
                      unknown: [("evseUid", #""FI*KEM*E0001""#), ("cableLengthM", "5.0")]
                  )])
        case .assets:
            Rules(idKey: "stationId", nullable: ["notes", "operator", "groupPath", "labels", "stationCapabilities"],
                  unknown: [("warrantyEndDate", #""2028-10-12""#)])
        case .transactions:
            Rules(idKey: "txId", nullable: ["authorizationReference", "contractId", "ocpiConnectionProfileId", "timeToBulk",
                                            "timeToFull", "paymentCurrency", "evMacAddress", "vehicle"],
                  unknown: [("co2SavedKg", "12.30"), ("tariffId", "null"), ("meterStartWh", "10049331")])
        case .vehicles:
            Rules(idKey: "id", nullable: ["notes", "V2icp"], unknown: [("depotGroup", #""North""#)])
        }
    }

    private static func varyItem(_ item: RawJSON, rules: Rules) -> RawJSON {
        guard var members = item.members else { return item }
        var random = SeededRandom(seed: SeededRandom.hash(members.first { $0.key == rules.idKey }?.value.bytes ?? item.bytes), 12)
        var changed = false
        for index in members.indices {
            if let childRules = rules.children[members[index].key], let children = members[index].value.elements {
                members[index].value = RawJSON(array: children.map { varyItem($0, rules: childRules) })
                changed = true
            }
        }
        let present = Set(members.map(\.key))
        if random.chance(0.25) {
            members += rules.nullable.filter { !present.contains($0) }.map { ($0, RawJSON.null) }
            changed = true
        }
        if random.chance(0.2) {
            members += rules.unknown.filter { !present.contains($0.key) }.compactMap { unknown in
                RawJSON(Array(unknown.json.utf8)).map { (unknown.key, $0) }
            }
            changed = true
        }
        return changed ? RawJSON(object: members) : item
    }
}
