public import ChargEyeAPI

/// Words and roles for stations and connectors, shared by the panes and the command line.
public enum StationText {
    /// The station's maximum power; 0 or absent means unknown, then the connectors' sum.
    public static func maxPower(_ station: Station) -> String {
        guard let (power, isUpperBound) = maxPowerKw(station) else { return "?" }
        return (isUpperBound ? "≤" : "") + Format.number(power)
    }

    /// The station's maximum power in kW: its own, else its connectors' sum (only an upper
    /// bound), else nil.
    static func maxPowerKw(_ station: Station) -> (kW: Double, isUpperBound: Bool)? {
        if let power = station.maxPowerKw, power.isFinite, power > 0 { return (power, false) }
        let fromConnectors = connectorsPowerKw(station)
        return fromConnectors > 0 && fromConnectors.isFinite ? (fromConnectors, true) : nil
    }

    /// A connector's maximum power in kW: the unrounded figure, else the rounded one; nil when
    /// neither is a positive number.
    static func maxPowerKw(_ connector: Connector) -> Double? {
        firstMaximum(connector.maxPowerKwActual, connector.maxPowerKw)
    }

    /// The first of `figures` that is a positive number: a maximum the API may send unrounded,
    /// rounded, as 0 or not at all.
    static func firstMaximum(_ figures: Double?...) -> Double? {
        figures.lazy.compactMap { $0 }.first { $0.isFinite && $0 > 0 }
    }

    private static func connectorsPowerKw(_ station: Station) -> Double {
        (station.connectors ?? []).compactMap(\.maxPowerKw).filter { $0.isFinite && $0 > 0 }.reduce(0, +)
    }

    /// "2 Charging, 1 Available": counts by status, most frequent first.
    public static func connectorSummary(_ connectors: [Connector]) -> String {
        var counts: [String: Int] = [:]
        for connector in connectors { counts[connector.status?.text ?? "Unknown", default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }

    /// "SoC 64% · 48.7 kWh · since 05:12" (time part added by the caller when it knows the zone).
    static func sessionSummary(_ session: ConnectorSession) -> String {
        var parts: [String] = []
        if let soc = session.soc { parts.append("SoC \(Format.number(soc, decimals: 0))%") }
        if let energy = session.chargedEnergyKwh { parts.append("\(Format.number(energy)) kWh") }
        if parts.isEmpty, let status = session.status?.text { parts.append(status) }
        if !session.isLive { parts.insert("last:", at: 0) }
        return parts.joined(separator: " ")
    }

    static func role(_ station: Station) -> Role {
        if station.status?.known == .faulted { return .critical }
        if station.onlineStatus?.known == .offline || station.status?.known == .unavailable { return .warning }
        return .normal
    }

    static func role(_ status: Components.Schemas.ConnectorStatus?) -> Role {
        switch status?.known {
        case .faulted: .critical
        case .unavailable, .unknown, nil: .warning
        case .charging: .ok
        default: .normal
        }
    }
}
