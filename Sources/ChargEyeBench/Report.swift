import Foundation

/// One row of the results: a measurement, chargeye's figure, the reference's, and the target.
struct ResultRow: Codable {
    var measurement: String
    var unit: String
    var chargeye: Double?
    var reference: Double?
    var referenceName: String?
    /// The issue's target, as text ("≤ 100").
    var target: String?
    /// Whether chargeye meets the target (nil when there is none or it was not measured).
    var met: Bool?

    /// chargeye ÷ reference, when both exist.
    var ratio: Double? {
        guard let chargeye, let reference, reference > 0 else { return nil }
        return chargeye / reference
    }
}

/// The table printed and the JSON written.
struct Report: Codable {
    var machine: String
    var date: String
    var runs: Int
    var quick: Bool
    var rows: [ResultRow] = []

    mutating func add(
        _ measurement: String, unit: String, chargeye: Double?, reference: Double? = nil, referenceName: String? = nil,
        atMost limit: Double? = nil, atLeast floor: Double? = nil
    ) {
        var row = ResultRow(measurement: measurement, unit: unit, chargeye: chargeye, reference: reference, referenceName: referenceName)
        if let limit {
            row.target = "≤ \(Self.format(limit))"
            row.met = chargeye.map { $0 <= limit }
        }
        if let floor {
            row.target = "≥ \(Self.format(floor))"
            row.met = chargeye.map { $0 >= floor }
        }
        rows.append(row)
    }

    /// A Markdown table (the README's Performance section is one of these).
    var table: String {
        var lines = [
            "| measurement | chargeye | reference | ratio | target | met |",
            "| --- | ---: | ---: | ---: | --- | --- |",
        ]
        for row in rows {
            let reference = row.reference.map { "\(Self.format($0)) \(row.unit) (\(row.referenceName ?? ""))" } ?? ""
            let ratio = row.ratio.map { String(format: "%.2fx", $0) } ?? ""
            let met = row.met.map { $0 ? "yes" : "**no**" } ?? ""
            lines.append("| \(row.measurement) | \(row.chargeye.map { "\(Self.format($0)) \(row.unit)" } ?? "n/a") | \(reference) | \(ratio) | \(row.target.map { "\($0) \(row.unit)" } ?? "") | \(met) |")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
        return abs(value) >= 100 ? String(format: "%.0f", value) : abs(value) >= 10 ? String(format: "%.1f", value) : String(format: "%.2f", value)
    }

    /// "x86_64, 2 cores, Debian GNU/Linux 12, Linux 6.1".
    static func machineDescription() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let os = ProcessInfo.processInfo.operatingSystemVersionString
        let model = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")
            .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return "\(model), \(cores) cores, \(os)"
    }
}
