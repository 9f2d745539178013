import ChargEyeUsage
import Foundation
import Testing

/// The chart as text at several sizes, in UTF-8 and ASCII (snapshots in `Snapshots/`).
@Suite("Usage chart as text")
struct UsageChartTests {
    /// Two stations over 30 days of November 2026 (UTC): a weekly rhythm, one day of 1e9 kWh
    /// reported as impossible, one session with its end before its start.
    static let report: UsageReport = {
        let utc = BucketCalendar(timeZone: TimeZone(identifier: "UTC")!)
        let start = try! Date("2026-11-01T00:00:00Z", strategy: .iso8601)
        func sessions(_ station: String, _ perDay: (Int) -> Int) -> [UsageSession] {
            (0..<30).flatMap { day in
                (0..<perDay(day)).map { index in
                    let begin = start.addingTimeInterval(Double(day) * 86_400 + 25_200 + Double(index) * 4_000)
                    return UsageSession(
                        stationId: station, connector: String(index % 2 + 1), occupied: DateInterval(start: begin, duration: 3_000),
                        chargingSeconds: 2_400, energyKwh: 40 + Double(index % 3) * 15, peakKw: 150 + Double(index % 4) * 25
                    )
                }
            }
        }
        var first = sessions("KEM-HEL-001-S01") { [0, 6].contains(($0 + 6) % 7) ? 2 : 9 + $0 % 3 }
        first.append(UsageSession(stationId: "KEM-HEL-001-S01", connector: "1", occupied: nil, energyKwh: nil, issues: [.inconsistentTimes]))
        let second = sessions("KEM-HEL-001-S02") { 3 + $0 % 4 }
        return UsageReport(
            stations: [.init(stationId: "KEM-HEL-001-S01", sessions: first, connectors: 2), .init(stationId: "KEM-HEL-001-S02", sessions: second, connectors: 2)],
            period: DateInterval(start: start, end: start.addingTimeInterval(30 * 86_400)), size: .day, calendar: utc
        )
    }()

    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    @Test("snapshots at 78x20, 118x36 and 40x12, UTF-8 and ASCII", arguments: [(78, 20), (118, 36), (40, 12), (30, 8)], [false, true])
    func snapshot(size: (Int, Int), ascii: Bool) throws {
        let chart = UsageChart(report: Self.report, cursor: 24, ascii: ascii)
        let lines = chart.lines(width: size.0, height: size.1)
        #expect(lines.count <= size.1)
        #expect(lines.allSatisfy { $0.count <= size.0 }, "no line wider than the terminal")
        if ascii { #expect(lines.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }) }
        let text = lines.joined(separator: "\n") + "\n"
        let file = Self.snapshots.appendingPathComponent("chart-\(size.0)x\(size.1)-\(ascii ? "ascii" : "utf8").txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected)
    }
}
