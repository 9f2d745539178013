import Foundation

/// How busy a site is, by the local hour and day of the week, so a history of sessions has the
/// shape real ones have: depots charge their vehicles after the day's runs and overnight,
/// mostly on weekdays; public sites see the evening rush, a smaller midday one, few drivers
/// at night, and a busier weekend.
struct ChargingDemand: Sendable {
    let isDepot: Bool
    private let calendar: Calendar

    init(isDepot: Bool, countryCode: String?) {
        self.isDepot = isDepot
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.timeZone(countryCode)
        self.calendar = calendar
    }

    /// Arrivals per hour at `date` relative to the site's average (about 1).
    func intensity(at date: Date) -> Double {
        let parts = calendar.dateComponents([.hour, .weekday], from: date)
        let hour = parts.hour ?? 12
        let weekend = parts.weekday == 1 || parts.weekday == 7
        if isDepot {
            let byHour: Double = switch hour {
            case 17...23: 2.2
            case 0...4: 1.2
            case 11...13: 0.8  // a midday top-up between shifts
            default: 0.35
            }
            return byHour * (weekend ? 0.35 : 1.2)
        }
        let byHour: Double = switch hour {
        case 0...5: 0.12
        case 6...10: 0.8
        case 11...14: 1.2
        case 15...20: 2.0
        default: 0.6
        }
        return byHour * (weekend ? 1.25 : 0.9)
    }

    /// The country's zone (the catalogue's countries are in these three).
    private static func timeZone(_ countryCode: String?) -> TimeZone {
        switch countryCode {
        case "FI", "EE", "LV", "LT": TimeZone(identifier: "Europe/Helsinki")!
        case "GB", "IE", "PT", "IS": TimeZone(identifier: "Europe/London")!
        default: TimeZone(identifier: "Europe/Berlin")!
        }
    }
}
