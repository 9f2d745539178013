import OpenAPIRuntime

/// Decodes a batch of streamed locations (the items of `{"locations":[...]}` as `ListScanner`
/// hands them over) straight from its bytes, faster than the generated decoder (the whole
/// streamed read: 54 against 31 MB/s in the benchmark), so a fast server's answer piles up less
/// while it is decoded. It reads the regular case only: the known keys with the types the
/// definition gives them (unknown keys are passed over; `geo` and `positionEstimate` only when
/// null or empty), valid UTF-8, escapes (a `\u`
/// surrogate only in a pair). On anything else it gives up (`nil`) and the caller decodes the
/// batch with the generated decoder, which stays the reference for every result and every
/// error; the fuzzer checks the two agree.
enum LocationBatchDecoder {
    /// The locations of a batch's items (`ListScanner.withCompleteItems`), or nil when they
    /// are not the regular case.
    static func decode(_ items: UnsafeBufferPointer<UInt8>) -> [Location]? {
        var locations: [Location] = []
        let complete = JSONByteReader.forEachItem(in: items) { reader in
            guard let location = reader.location() else { return false }
            locations.append(location)
            return true
        }
        return complete ? locations : nil
    }
}

/// The locations answer's own shapes, read with `JSONByteReader`.
extension JSONByteReader {
    /// Reads the items of a streamed list as `ListScanner` hands them over (the bytes between
    /// the list's brackets: items and the commas between them), each with `element`, to the end.
    static func forEachItem(in items: UnsafeBufferPointer<UInt8>, _ element: (inout JSONByteReader) -> Bool) -> Bool {
        var reader = JSONByteReader(items)
        repeat {
            guard element(&reader) else { return false }
        } while reader.take(",")
        return reader.atEnd()
    }

    /// The optional text fields of a location, by key.
    private static let textFields: [String: any WritableKeyPath<Location, String?> & Sendable] = [
        "name": \.name, "address": \.address, "city": \.city, "postalCode": \.postalCode, "state": \.state,
        "country": \.country, "countryCode": \.countryCode, "locationId": \.locationId,
        "roamingPoolId": \.roamingPoolId, "tenantIdCPO": \.tenantIdCPO, "tenantIdEMSP": \.tenantIdEMSP,
        "tenantIdMaintenance": \.tenantIdMaintenance,
    ]

    /// One location; `object` already refuses a key given twice.
    fileprivate mutating func location() -> Location? {
        var location = Location(id: "")
        var hasID = false
        let complete = object { key, reader in
            if let field = Self.textFields[key] { return reader.optionalString(into: &location[keyPath: field]) }
            switch key {
            case "id":
                guard let id = reader.string() else { return false }
                location.id = id
                hasID = true
                return true
            case "lat": return reader.optionalNumber(into: &location.lat)
            case "lng": return reader.optionalNumber(into: &location.lng)
            case "labels": return reader.optional(into: &location.labels) { $0.array { $0.label() } }
            case "operator": return reader.optional(into: &location._operator) { $0.operatorValue() }
            case "tenantIds": return reader.optional(into: &location.tenantIds) { $0.array { $0.string() } }
            case "bounds": return reader.optional(into: &location.bounds) { $0.array { $0.array { $0.number() } } }
            // Map shapes other than none are rare: the generated decoder reads them.
            case "geo": return reader.optional(into: &location.geo) { $0.array { _ in nil as OpenAPIValueContainer? } }
            case "positionEstimate": return reader.literal("null")
            default: return reader.skipValue(depth: 0)
            }
        }
        return complete && hasID ? location : nil
    }

    /// A label (also on stations).
    mutating func label() -> Components.Schemas.Label? {
        var value: String?
        var tenantIds: [String]?
        let complete = object { key, reader in
            switch key {
            case "value":
                value = reader.string()
                return value != nil
            case "tenantIds": return reader.optional(into: &tenantIds) { $0.array { $0.string() } }
            default: return reader.skipValue(depth: 0)
            }
        }
        guard complete, let value else { return nil }
        return .init(value: value, tenantIds: tenantIds)
    }

    private mutating func operatorValue() -> Components.Schemas.Operator? {
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
