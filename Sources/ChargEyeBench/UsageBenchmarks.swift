import ChargEyeAPI
import ChargEyeUsage
import Foundation

/// The usage report's in-process costs: bucketing many transactions, drawing the chart.
enum UsageBenchmarks {
    /// 100,000 sessions over 30 days on 20 stations of 4 connectors, as the API sends them.
    static func transactions(count: Int = 100_000) -> [Transaction] {
        let start = Date(timeIntervalSince1970: 1_793_491_200)  // 2026-11-01
        let spacing = 30 * 86_400.0 / Double(count / 20)
        return (0..<count).map { index in
            let station = index % 20, position = index / 20
            let begin = start.addingTimeInterval(Double(position) * spacing + Double(station * 37))
            return Transaction(
                txId: "tx\(index)", stationId: "S\(station)", evseId: .case2(String(position % 4 + 1)), startTime: begin,
                endTime: begin.addingTimeInterval(1_200 + Double(index % 7) * 100), chargingStartTime: begin.addingTimeInterval(60),
                chargingEndTime: begin.addingTimeInterval(1_100), chargedEnergyKwh: 20 + Double(index % 50), maxPowerKw: 150,
                chargingDurationMs: 1_040_000, evseMaxPowerKw: 400
            )
        }
    }

    /// Reading 100,000 transactions as sessions and bucketing them by day: median ms of `runs`.
    static func bucketing(_ transactions: [Transaction], runs: Int) -> (milliseconds: Double, report: UsageReport) {
        let calendar = BucketCalendar(timeZone: TimeZone(identifier: "Europe/Helsinki")!)
        let period = DateInterval(start: Date(timeIntervalSince1970: 1_793_484_000), duration: 30 * 86_400)
        let byStation = Dictionary(grouping: transactions) { $0.stationId ?? "" }
        var samples: [Double] = []
        var report: UsageReport?
        for _ in 0..<runs {
            let start = Clock.nanoseconds()
            let now = Date(timeIntervalSince1970: 1_796_083_200)
            let inputs = byStation.keys.sorted().map { id in
                UsageReport.StationInput(stationId: id, sessions: UsageSession.sessions(of: byStation[id]!, stationId: id, now: now), connectors: 4)
            }
            report = UsageReport(stations: inputs, period: period, size: .day, calendar: calendar)
            samples.append(Double(Clock.nanoseconds() - start) / 1e6)
        }
        return (Statistics.median(samples), report!)
    }

    /// The 30-day chart of that report drawn as text at 200x50: median µs.
    static func drawChart(_ report: UsageReport) -> Double {
        var samples: [Double] = []
        for index in 0..<300 {
            let start = Clock.nanoseconds()
            let lines = UsageChart(report: report, cursor: index % 30, ascii: false).lines(width: 198, height: 46)
            samples.append(Double(Clock.nanoseconds() - start) / 1e3)
            precondition(!lines.isEmpty)
        }
        return Statistics.median(samples)
    }
}
