import ChargEyeAPI
import Foundation

/// The simulator's locations written with `JSONByteWriter`, in the generated `CodingKeys`
/// order, nil properties left out. The rare map shapes (`geo`, `positionEstimate`) go through
/// the generated encoder.
extension JSONByteWriter {
    mutating func location(_ location: Location) {
        object { json in
            json.member("id", location.id)
            json.member("name", location.name)
            json.member("address", location.address)
            json.member("city", location.city)
            json.member("postalCode", location.postalCode)
            json.member("state", location.state)
            json.member("country", location.country)
            json.member("countryCode", location.countryCode)
            json.member("lat", location.lat)
            json.member("lng", location.lng)
            json.member("locationId", location.locationId)
            json.member("labels", location.labels) { $0.array($1) { $0.label($1) } }
            json.member("operator", location._operator) { writer, value in
                writer.object { json in
                    json.member("name", value.name)
                    json.member("website", value.website)
                }
            }
            json.member("roamingPoolId", location.roamingPoolId)
            json.member("tenantIdCPO", location.tenantIdCPO)
            json.member("tenantIdEMSP", location.tenantIdEMSP)
            json.member("tenantIdMaintenance", location.tenantIdMaintenance)
            json.member("tenantIds", location.tenantIds) { $0.array($1) { $0.string($1) } }
            json.member("bounds", location.bounds) { $0.array($1) { $0.array($1) { $0.number($1) } } }
            json.member("geo", location.geo) { $0.encoded($1) }
            json.member("positionEstimate", location.positionEstimate) { $0.encoded($1) }
        }
    }

    /// A value as the generated encoder writes it.
    private mutating func encoded(_ value: some Encodable) {
        raw((try? StreamedList.encoder().encode(value)) ?? Data("null".utf8))
    }
}
