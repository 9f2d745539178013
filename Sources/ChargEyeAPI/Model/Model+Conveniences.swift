import Foundation

extension Components.Schemas.NumberOrString {
    /// The value as text: `3` rather than `3.0` for whole numbers.
    public var text: String {
        switch self {
        case .case1(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .case2(let string):
            string
        }
    }

    /// The value as a number, when it is one or is text holding one.
    public var number: Double? {
        switch self {
        case .case1(let number): number
        case .case2(let string): Double(string.trimmingCharacters(in: .whitespaces))
        }
    }
}

extension Components.Schemas.ConnectorInfo {
    /// The current or previous session, whichever key the server used
    /// (`latestTransaction` preferred, `lastTransaction` accepted).
    public var session: ConnectorSession? { latestTransaction ?? lastTransaction }
    /// The connector id as text (some servers send numbers).
    public var id: String { connectorId.text }
}

extension Components.Schemas.VehicleLocations {
    /// The location ids, whether one, several or none (null) were given.
    public var uids: [String] {
        switch self {
        case .case1(let one): one.map { [$0] } ?? []
        case .case2(let many): many
        }
    }
}

extension Components.Schemas.LocationDetail {
    /// The location, whether it came wrapped as `{location}` or bare.
    public var location: Location {
        switch self {
        case .LocationEnvelope(let envelope): envelope.location
        case .Location(let location): location
        }
    }
}
