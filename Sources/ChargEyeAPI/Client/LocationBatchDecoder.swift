/// Decodes a batch of streamed locations (`{"locations":[...]}` as `LocationListScanner`
/// hands it over) straight from its bytes, faster than the generated decoder (the whole
/// streamed read: 54 against 31 MB/s in the benchmark), so a fast server's answer piles up less
/// while it is decoded. It reads the regular case only: the known keys with the types the
/// definition gives them (unknown keys are passed over), valid UTF-8, escapes (a `\u`
/// surrogate only in a pair). On anything else it gives up (`nil`) and the caller decodes the
/// batch with the generated decoder, which stays the reference for every result and every
/// error; the fuzzer checks the two agree.
enum LocationBatchDecoder {
    static func decode(_ batch: [UInt8]) -> [Location]? {
        batch.withUnsafeBufferPointer { bytes in
            var reader = JSONByteReader(bytes)
            return reader.batch()
        }
    }
}

/// The locations answer's own shapes, read with `JSONByteReader`.
extension JSONByteReader {
    mutating func batch() -> [Location]? {
        guard take("{"), key() == "locations", take(":"), take("[") else { return nil }
        var locations: [Location] = []
        if take("]") { return take("}") && atEnd() ? locations : nil }
        repeat {
            guard let location = location() else { return nil }
            locations.append(location)
        } while take(",")
        return take("]") && take("}") && atEnd() ? locations : nil
    }

    private mutating func location() -> Location? {
        var location = Location(id: "")
        var hasID = false
        let complete = object { key, reader in
            switch key {
            case "id":
                guard !hasID, let id = reader.string() else { return false }
                location.id = id
                hasID = true
                return true
            case "name": return reader.optionalString(into: &location.name)
            case "address": return reader.optionalString(into: &location.address)
            case "city": return reader.optionalString(into: &location.city)
            case "postalCode": return reader.optionalString(into: &location.postalCode)
            case "state": return reader.optionalString(into: &location.state)
            case "country": return reader.optionalString(into: &location.country)
            case "countryCode": return reader.optionalString(into: &location.countryCode)
            case "locationId": return reader.optionalString(into: &location.locationId)
            case "roamingPoolId": return reader.optionalString(into: &location.roamingPoolId)
            case "tenantIdCPO": return reader.optionalString(into: &location.tenantIdCPO)
            case "tenantIdEMSP": return reader.optionalString(into: &location.tenantIdEMSP)
            case "lat": return reader.optionalNumber(into: &location.lat)
            case "lng": return reader.optionalNumber(into: &location.lng)
            case "labels": return reader.optional(into: &location.labels) { $0.labels() }
            case "operator": return reader.optional(into: &location._operator) { $0.operatorValue() }
            default: return reader.skipValue(depth: 0)
            }
        }
        return complete && hasID ? location : nil
    }

    private mutating func labels() -> [Components.Schemas.Label]? {
        guard take("[") else { return nil }
        var labels: [Components.Schemas.Label] = []
        if take("]") { return labels }
        repeat {
            var value: String?
            var tenantIds: [String]??
            let complete = object { key, reader in
                switch key {
                case "value":
                    guard value == nil, let text = reader.string() else { return false }
                    value = text
                    return true
                case "tenantIds":
                    guard tenantIds == nil else { return false }
                    var ids: [String]?
                    guard reader.optional(into: &ids, { $0.strings() }) else { return false }
                    tenantIds = .some(ids)
                    return true
                default: return reader.skipValue(depth: 0)
                }
            }
            guard complete, let value else { return nil }
            labels.append(.init(value: value, tenantIds: tenantIds ?? nil))
        } while take(",")
        return take("]") ? labels : nil
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
