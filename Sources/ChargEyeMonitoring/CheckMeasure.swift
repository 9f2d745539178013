public import ChargEyeFleet

/// What `chargeye check` can put a threshold on, each a count with the total it is a share of.
public enum CheckMeasure: String, CaseIterable, Sendable {
    case stations
    case offline
    case faulted
    case unavailable
    case connectors
    case faultedConnectors = "faulted_connectors"
    case unavailableConnectors = "unavailable_connectors"

    /// Reads `name` as written on the command line (`faulted-connectors` too).
    public init?(name: String) {
        self.init(rawValue: name.lowercased().replacingOccurrences(of: "-", with: "_"))
    }

    /// The measure's value in `rollup`.
    public func count(in rollup: Rollup) -> Int {
        switch self {
        case .stations: rollup.stations
        case .offline: rollup.offline
        case .faulted: rollup.faultedStations
        case .unavailable: rollup.unavailableStations
        case .connectors: rollup.connectors
        case .faultedConnectors: rollup.faultedConnectors
        case .unavailableConnectors: rollup.unavailableConnectors
        }
    }

    /// What a percentage of it is taken of.
    public func total(in rollup: Rollup) -> Int {
        switch self {
        case .stations, .offline, .faulted, .unavailable: rollup.stations
        case .connectors, .faultedConnectors, .unavailableConnectors: rollup.connectors
        }
    }

    /// "offline stations", for messages.
    var words: String {
        switch self {
        case .stations: "stations"
        case .offline: "stations offline"
        case .faulted: "stations faulted"
        case .unavailable: "stations unavailable"
        case .connectors: "connectors"
        case .faultedConnectors: "connectors faulted"
        case .unavailableConnectors: "connectors unavailable"
        }
    }
}

/// The `--warning` and `--critical` thresholds, per measure.
public struct CheckThresholds: Sendable, Equatable {
    public var warning: [CheckMeasure: PluginRange]
    public var critical: [CheckMeasure: PluginRange]

    /// Used when neither option is given: warning above 5 % of stations offline or 2 %
    /// faulted, critical above 20 % offline or 10 % faulted.
    public static let defaults = CheckThresholds(
        warning: [.offline: PluginRange(start: 0, end: 5, isPercent: true), .faulted: PluginRange(start: 0, end: 2, isPercent: true)],
        critical: [.offline: PluginRange(start: 0, end: 20, isPercent: true), .faulted: PluginRange(start: 0, end: 10, isPercent: true)]
    )

    public init(warning: [CheckMeasure: PluginRange], critical: [CheckMeasure: PluginRange]) {
        self.warning = warning
        self.critical = critical
    }

    /// Parses the options' values: each a comma-separated list of `MEASURE=RANGE`. With
    /// neither given, the defaults.
    public init(warning: [String], critical: [String]) throws(RangeError) {
        if warning.isEmpty, critical.isEmpty {
            self = .defaults
            return
        }
        self.warning = try Self.parse(warning, option: "--warning")
        self.critical = try Self.parse(critical, option: "--critical")
    }

    private static func parse(_ values: [String], option: String) throws(RangeError) -> [CheckMeasure: PluginRange] {
        var ranges: [CheckMeasure: PluginRange] = [:]
        for item in values.flatMap({ $0.split(separator: ",") }) {
            let pair = item.split(separator: "=", maxSplits: 1)
            let known = CheckMeasure.allCases.map(\.rawValue).joined(separator: ", ")
            guard pair.count == 2 else {
                throw RangeError("\(option) \"\(item)\": write MEASURE=RANGE, e.g. offline=5 or faulted=2%; measures: \(known)")
            }
            guard let measure = CheckMeasure(name: String(pair[0]).trimmingCharacters(in: .whitespaces)) else {
                throw RangeError("\(option) \"\(item)\": unknown measure \"\(pair[0])\"; measures: \(known)")
            }
            do {
                ranges[measure] = try PluginRange(String(pair[1]))
            } catch {
                throw RangeError("\(option) \(measure.rawValue): \(error.description)")
            }
        }
        return ranges
    }
}
