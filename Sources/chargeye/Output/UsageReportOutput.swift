import ChargEyeAPI
import ChargEyeUsage
import Foundation

/// `chargeye report` as a table, CSV or JSON.
enum UsageReportOutput {
    static func render(_ report: UsageReport, format: OutputFormat, bars: Bool, ascii: Bool, width: Int?) throws -> String {
        switch format {
        case .table: table(report, bars: bars, ascii: ascii, width: width)
        case .csv: csv(report)
        case .json: try JSONOutput.render(Document(report), sortedKeys: true)
        }
    }

    // MARK: Table

    /// The buckets (with a bar of energy each if asked and there is room for one: narrower
    /// than 4 cells the bars are left out, never wrapped), the stations, then the notes.
    private static func table(_ report: UsageReport, bars: Bool, ascii: Bool, width: Int?) -> String {
        let bucketRows = zip(report.buckets, report.bucketTotals).map { [$0.label] + cells($1) } + [["total"] + cells(report.total)]
        let numbersOnly = TextTable(columns: [.init(title: report.size.rawValue.uppercased(), flexible: false)] + figureColumns, rows: bucketRows)
        var byBucket = numbersOnly
        var barNote: String?
        let room = (width ?? 100) - numbersOnly.columnWidths(fitting: nil).reduce(0) { $0 + $1 + 2 } - 1
        if bars, room >= 4 {
            let scale = ChartScale(values: report.bucketTotals.map(\.energyKwh))
            let barWidth = min(30, room)
            byBucket = TextTable(
                columns: numbersOnly.columns + [.init(title: "ENERGY", flexible: false)],
                rows: zip(bucketRows, report.bucketTotals + [UsageFigures()]).enumerated().map { index, pair in
                    pair.0 + [index < report.buckets.count ? TextBar.render(pair.1.energyKwh, scale: scale, width: barWidth, ascii: ascii) : ""]
                }
            )
            barNote = "A full bar is \(number(scale.top, 0)) kWh" + (scale.clips ? "; a bar ending in \(ascii ? ">" : "▶") goes beyond it (see its number)." : ".")
        } else if bars {
            barNote = "No bars: the terminal is too narrow for them."
        }
        let byStation = TextTable(
            columns: [.init(title: "STATION"), .init(title: "CONN", alignRight: true, flexible: false)] + figureColumns,
            rows: report.stations.map { [$0.stationId, String($0.connectors)] + cells($0.total) }
                + [["total", String(report.stations.reduce(0) { $0 + $1.connectors })] + cells(report.total)]
        )
        let who = report.stations.count == 1 ? "station \(report.stations[0].stationId)" : "\(report.stations.count) stations"
        let title = "Usage of \(who), \(stamp(report.period.start, report.timeZone)) to \(stamp(report.period.end, report.timeZone)) "
            + "(\(report.timeZone.identifier)), by \(report.size.rawValue)"
        var sections = [title, byBucket.render(width: nil) + (barNote.map { "\n" + $0 } ?? ""), byStation.render(width: width)]
        let notes = report.issueNotes + summaryNotes(report)
        if !notes.isEmpty { sections.append((["Notes:"] + notes.map { "  " + $0 }).joined(separator: "\n")) }
        return sections.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    private static let figureColumns: [TextTable.Column] = ["SESS", "kWh", "CHG h", "OCC h", "UTIL%", "PEAK kW"]
        .map { .init(title: $0, alignRight: true, flexible: false) }

    private static func cells(_ figures: UsageFigures) -> [String] {
        [String(figures.sessions), number(figures.energyKwh, 1), number(figures.chargingSeconds / 3600, 1),
         number(figures.occupiedSeconds / 3600, 1), figures.utilisation.map { number($0 * 100, 1) } ?? "",
         figures.peakKw.map { number($0, 1) } ?? ""]
    }

    /// The API's own summary against this report, for the stations whose summary counted the
    /// same sessions (whether it covers a page or the whole query is not documented): a line
    /// when the occupied times differ by more than 1 %, else one line saying they agree.
    private static func summaryNotes(_ report: UsageReport) -> [String] {
        var agree = 0
        var notes: [String] = []
        for station in report.stations {
            guard let summary = station.apiSummary, summary.count == Double(station.total.sessions), let occupied = summary.occupiedTimeMs else { continue }
            let ours = station.total.occupiedSeconds * 1000
            if abs(occupied - ours) <= max(60_000, 0.01 * max(occupied, ours)) {
                agree += 1
            } else {
                notes.append("\(station.stationId): the API's summary says occupied \(number(occupied / 3_600_000, 1)) h, this report \(number(ours / 3_600_000, 1)) h "
                    + "(sessions reaching outside the period are counted only for their time inside it)")
            }
        }
        if agree > 0 { notes.insert("The API's summaries agree with this report's occupied time (\(agree) of \(report.stations.count) stations).", at: 0) }
        return notes
    }

    // MARK: CSV

    static let csvHeader = ["stationId", "bucket", "bucketStart", "bucketEnd", "sessions", "energyKwh", "chargingHours",
                            "occupiedHours", "utilisation", "peakKw"]

    /// A line per station and bucket, then each station's total (`bucket` "total"), then all
    /// stations per bucket and in total (empty `stationId`).
    private static func csv(_ report: UsageReport) -> String {
        var rows: [[String]] = []
        let transcoder = TolerantDateTranscoder()
        func row(_ station: String, _ label: String, _ interval: DateInterval, _ figures: UsageFigures) -> [String] {
            [station, label, (try? transcoder.encode(interval.start)) ?? "", (try? transcoder.encode(interval.end)) ?? "",
             String(figures.sessions), number(figures.energyKwh, 3), number(figures.chargingSeconds / 3600, 3),
             number(figures.occupiedSeconds / 3600, 3), figures.utilisation.map { number($0, 4) } ?? "", figures.peakKw.map { number($0, 1) } ?? ""]
        }
        for station in report.stations {
            rows += zip(report.buckets, station.buckets).map { row(station.stationId, $0.label, $0.interval, $1) }
            rows.append(row(station.stationId, "total", report.period, station.total))
        }
        rows += zip(report.buckets, report.bucketTotals).map { row("", $0.label, $0.interval, $1) }
        rows.append(row("", "total", report.period, report.total))
        return CSVWriter.render(header: csvHeader, rows: rows)
    }

    // MARK: JSON

    /// The report as JSON: figures in kWh, hours and kW, utilisation as a fraction.
    private struct Document: Encodable {
        struct Figures: Encodable {
            var sessions: Int, energyKwh: Double, chargingHours: Double, occupiedHours: Double
            var utilisation: Double?, peakKw: Double?
            init(_ figures: UsageFigures) {
                sessions = figures.sessions
                energyKwh = figures.energyKwh
                chargingHours = figures.chargingSeconds / 3600
                occupiedHours = figures.occupiedSeconds / 3600
                utilisation = figures.utilisation
                peakKw = figures.peakKw
            }
        }
        struct BucketFigures: Encodable {
            var bucket: String, start: Date, end: Date, figures: Figures
        }
        struct Station: Encodable {
            var stationId: String, connectors: Int, buckets: [BucketFigures], total: Figures
            var apiSummary: TransactionsSummary?
        }
        var from: Date, to: Date, timeZone: String, by: String
        var buckets: [BucketFigures], stations: [Station], total: Figures
        var issues: [String: Int], notes: [String]

        init(_ report: UsageReport) {
            func buckets(_ figures: [UsageFigures]) -> [BucketFigures] {
                zip(report.buckets, figures).map { BucketFigures(bucket: $0.label, start: $0.interval.start, end: $0.interval.end, figures: Figures($1)) }
            }
            from = report.period.start
            to = report.period.end
            timeZone = report.timeZone.identifier
            by = report.size.rawValue
            self.buckets = buckets(report.bucketTotals)
            stations = report.stations.map {
                Station(stationId: $0.stationId, connectors: $0.connectors, buckets: buckets($0.buckets), total: Figures($0.total), apiSummary: $0.apiSummary)
            }
            total = Figures(report.total)
            issues = Dictionary(uniqueKeysWithValues: report.issues.map { ($0.key.rawValue, $0.value) })
            notes = report.issueNotes
        }
    }

    // MARK: Formatting

    private static func number(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "" }
        return String(format: "%.\(decimals)f", value)
    }

    private static func stamp(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return parts.hour == 0 && parts.minute == 0 ? day : day + String(format: " %02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
