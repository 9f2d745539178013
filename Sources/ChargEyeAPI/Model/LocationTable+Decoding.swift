/// Reading a batch of streamed locations (the items of `{"locations":[...]}` as `ListScanner`
/// hands them over) straight into a table's rows, as the browser loads a list of 100,000:
/// key names are matched as bytes, texts go from the answer into the table's store, and no
/// `Location` or `String` is made for a row.
///
/// The regular case only: the known keys with the types the definition gives them (unknown
/// keys are passed over; `geo` only when null or empty, `positionEstimate` only when null),
/// valid UTF-8, escapes (a `\u` surrogate only in a pair). On anything else it gives up (nil)
/// and the generated decoder, the reference for every result and every error, decodes the
/// batch. The tests and the fuzzer check that the locations the rows make equal the generated
/// decoder's, item for item.
extension LocationTable {
    /// The locations of a batch's items (`ListScanner.withCompleteItems`), or nil when they are
    /// not the regular case.
    static func decoding(items: UnsafeBufferPointer<UInt8>) -> LocationTable? {
        var table = LocationTable()
        var shared = SharedValues()
        return JSONByteReader.forEachItem(in: items) { table.readLocation(&$0, shared: &shared) } ? table : nil
    }

    private enum LocationKey: String, CaseIterable, Sendable {
        case id, name, address, city, postalCode, state, country, countryCode, lat, lng, locationId, labels
        case `operator`, roamingPoolId, tenantIdCPO, tenantIdEMSP, tenantIdMaintenance, tenantIds, bounds, geo
        case positionEstimate
    }

    private static let locationKeys = KnownKeys<LocationKey>()

    /// The last few label sets, operators and tenant lists read, for the next locations that
    /// have the same.
    private struct SharedValues {
        var labels = RecentValues(), `operator` = RecentValues(), tenantIds = RecentValues()
    }

    /// One location, appended.
    private mutating func readLocation(_ reader: inout JSONByteReader, shared: inout SharedValues) -> Bool {
        let none = TextStore.Ref.absent, absent = Self.absentNumber, noValue = ValueSet<String>.absent
        var row = Row(
            id: none, name: none, address: none, city: none, postalCode: none, state: none, country: none, countryCode: none,
            locationId: none, roamingPoolId: none, tenantIdCPO: none, tenantIdEMSP: none, tenantIdMaintenance: none,
            lat: absent, lng: absent, labels: noValue, operator: noValue, tenantIds: noValue, geometry: noValue
        )
        var bounds: [[Double]]?
        var hasEmptyGeo = false
        var hasID = false
        let complete = reader.object(keys: Self.locationKeys) { key, reader in
            switch key {
            case .id?:
                hasID = reader.requiredText(into: &row.id, of: &texts)
                return hasID
            case .name?: return reader.text(into: &row.name, of: &texts)
            case .address?: return reader.text(into: &row.address, of: &texts)
            case .city?: return reader.text(into: &row.city, of: &texts, interned: true)
            case .postalCode?: return reader.text(into: &row.postalCode, of: &texts)
            case .state?: return reader.text(into: &row.state, of: &texts, interned: true)
            case .country?: return reader.text(into: &row.country, of: &texts, interned: true)
            case .countryCode?: return reader.text(into: &row.countryCode, of: &texts, interned: true)
            case .lat?: return reader.number(into: &row.lat)
            case .lng?: return reader.number(into: &row.lng)
            case .locationId?: return reader.text(into: &row.locationId, of: &texts)
            case .labels?: return reader.value(into: &row.labels, of: &labelSets, recent: &shared.labels) { $0.array { $0.label() } }
            case .operator?: return reader.value(into: &row.operator, of: &operators, recent: &shared.operator) { $0.operatorValue() }
            case .roamingPoolId?: return reader.text(into: &row.roamingPoolId, of: &texts, interned: true)
            case .tenantIdCPO?: return reader.text(into: &row.tenantIdCPO, of: &texts, interned: true)
            case .tenantIdEMSP?: return reader.text(into: &row.tenantIdEMSP, of: &texts, interned: true)
            case .tenantIdMaintenance?: return reader.text(into: &row.tenantIdMaintenance, of: &texts, interned: true)
            case .tenantIds?: return reader.value(into: &row.tenantIds, of: &tenantSets, recent: &shared.tenantIds) { $0.array { $0.string() } }
            case .bounds?: return reader.optional(into: &bounds) { $0.array { $0.array { $0.number() } } }
            // Map shapes other than none are rare: the generated decoder reads them.
            case .geo?:
                if reader.literal("null") { return true }
                hasEmptyGeo = reader.take("[") && reader.take("]")
                return hasEmptyGeo
            case .positionEstimate?: return reader.literal("null")
            case nil: return reader.skipValue(depth: 0)
            }
        }
        guard complete, hasID else { return false }
        if bounds != nil || hasEmptyGeo {
            row.geometry = geometries.add(Geometry(bounds: bounds, geo: hasEmptyGeo ? [] : nil, positionEstimate: nil))
        }
        rows.append(row)
        return true
    }
}

extension JSONByteReader {
    /// A location's operator.
    fileprivate mutating func operatorValue() -> Components.Schemas.Operator? {
        var value = Components.Schemas.Operator()
        let complete = object { key, reader in
            switch key {
            case "name": return reader.optionalString(into: &value.name)
            case "website": return reader.optionalString(into: &value.website)
            default: return reader.skipValue(depth: 0)
            }
        }
        return complete ? value : nil
    }
}
