import ChargEyeText
import ChargEyeAPI
import ViewModels
import Foundation

/// How locations appear in tables, CSV and the detail view.
enum LocationRecords {
    static let fields = ["id", "name", "address", "city", "postalCode", "state", "country", "countryCode", "lat", "lng", "locationId"]

    static func csvRow(_ location: Location) -> [String] {
        [location.id, location.name ?? "", location.address ?? "", location.city ?? "", location.postalCode ?? "",
         location.state ?? "", location.country ?? "", location.countryCode ?? "",
         Format.number(location.lat, decimals: 6), Format.number(location.lng, decimals: 6), location.locationId ?? ""]
    }

    static func table(_ locations: [Location]) -> TextTable {
        TextTable(
            columns: [.init(title: "ID", flexible: false), .init(title: "NAME"), .init(title: "CITY"),
                      .init(title: "COUNTRY"), .init(title: "ADDRESS")],
            rows: locations.map { [$0.id, $0.name ?? "", $0.city ?? "", $0.country ?? "", $0.address ?? ""] }
        )
    }

    /// Case- and accent-insensitive substring match over name, city, country, address and ids.
    static func matches(_ location: Location, filter: String) -> Bool {
        [location.id, location.name, location.city, location.country, location.address, location.locationId]
            .compactMap { $0 }
            .contains { TextFold.contains($0, filter) }
    }

    static func detail(_ location: Location) -> TextTable {
        let place = [location.postalCode, location.city].compactMap { $0 }.joined(separator: " ")
        let pairs: [(String, String?)] = [
            ("id", location.id), ("name", location.name), ("address", location.address),
            ("city", place.isEmpty ? nil : place), ("state", location.state),
            ("country", [location.country, location.countryCode.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")),
            ("coordinates", location.lat.flatMap { lat in location.lng.map { "\(Format.number(lat, decimals: 6)), \(Format.number($0, decimals: 6))" } }),
            ("customer reference", location.locationId),
            ("operator", location._operator?.name),
            ("labels", location.labels?.map(\.value).joined(separator: ", ")),
            ("roaming pool", location.roamingPoolId),
        ]
        return TextTable(
            columns: [.init(title: "FIELD", flexible: false), .init(title: "VALUE")],
            rows: pairs.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : [key, $0] } }
        )
    }
}
