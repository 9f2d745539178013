import ChargEyeAPI
import ChargEyeUsage
import Foundation
import Testing

@Suite("Usage reports")
struct UsageReportTests {
    private let utc = BucketCalendar(timeZone: TimeZone(identifier: "UTC")!)
    private let now = try! Date("2026-11-05T12:00:00Z", strategy: .iso8601)

    private func date(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    private func transaction(
        _ id: String, connector: String = "1", start: String?, end: String?, kwh: Double?, peak: Double? = nil, chargingMs: Double? = nil
    ) -> Transaction {
        Transaction(
            txId: id, stationId: "S1", evseId: .case2(connector), startTime: start.map(date), endTime: end.map(date),
            chargedEnergyKwh: kwh, maxPowerKw: peak, chargingDurationMs: chargingMs, evseMaxPowerKw: 150
        )
    }

    private func report(_ transactions: [Transaction], connectors: Int? = 2, by size: BucketSize = .day) -> UsageReport {
        let sessions = transactions.map { UsageSession($0, stationId: "S1", now: now) }
        return UsageReport(
            stations: [.init(stationId: "S1", sessions: sessions, connectors: connectors)],
            period: DateInterval(start: date("2026-11-01T00:00:00Z"), end: date("2026-11-05T00:00:00Z")), size: size, calendar: utc
        )
    }

    @Test("a session over midnight gives each day its share of energy, charging and occupied time, and counts on its first day")
    func acrossMidnight() {
        let report = report([transaction("a", start: "2026-11-01T23:00:00Z", end: "2026-11-02T02:00:00Z", kwh: 90, peak: 120, chargingMs: 3 * 3_600_000)])
        let days = report.bucketTotals
        #expect(days.map(\.sessions) == [1, 0, 0, 0])
        #expect(days.map(\.energyKwh) == [30, 60, 0, 0])
        #expect(days.map(\.occupiedSeconds) == [3600, 7200, 0, 0])
        #expect(days.map(\.chargingSeconds) == [3600, 7200, 0, 0])
        #expect(days.map(\.peakKw) == [120, 120, nil, nil])
        #expect(days[0].utilisation == 3600.0 / (86_400 * 2))
        #expect(report.total.energyKwh == 90 && report.total.sessions == 1)
    }

    @Test("a hand-computed fixture: two connectors, three days, totals and utilisation")
    func handComputed() {
        let report = report([
            transaction("a", connector: "1", start: "2026-11-01T08:00:00Z", end: "2026-11-01T09:00:00Z", kwh: 40, peak: 100),
            transaction("b", connector: "2", start: "2026-11-01T08:30:00Z", end: "2026-11-01T10:30:00Z", kwh: 80, peak: 140),
            transaction("c", connector: "1", start: "2026-11-03T12:00:00Z", end: "2026-11-03T12:30:00Z", kwh: 20, peak: 60),
        ])
        #expect(report.bucketTotals.map(\.sessions) == [2, 0, 1, 0])
        #expect(report.bucketTotals.map(\.energyKwh) == [120, 0, 20, 0])
        #expect(report.bucketTotals.map(\.occupiedSeconds) == [10_800, 0, 1_800, 0])
        #expect(report.bucketTotals.map(\.peakKw) == [140, nil, 60, nil])
        #expect(report.total.occupiedSeconds == 12_600)
        #expect(report.total.capacitySeconds == 4 * 86_400 * 2)
        #expect(report.total.utilisation == 12_600.0 / (4 * 86_400 * 2))
        #expect(report.issues.isEmpty)
    }

    @Test("an open session counts to now; missing energy counts as 0 and is noted")
    func openAndMissing() {
        let report = report([
            transaction("open", start: "2026-11-04T20:00:00Z", end: nil, kwh: 30),
            transaction("none", connector: "2", start: "2026-11-02T10:00:00Z", end: "2026-11-02T11:00:00Z", kwh: nil),
        ])
        #expect(report.bucketTotals[3].occupiedSeconds == 4 * 3600)  // the period ends at midnight, before now
        #expect(report.bucketTotals[3].energyKwh == 30.0 * 4 / 16)  // 16 h from 20:00 to now (12:00 next day)
        #expect(report.bucketTotals[1].sessions == 1 && report.bucketTotals[1].energyKwh == 0)
        #expect(report.issues == [.stillOpen: 1, .missingEnergy: 1])
        #expect(report.issueNotes == ["1 session without energy counted as 0 kWh", "1 session still open, counted to now"])
    }

    @Test("bad input is left out and noted, never stretching the figures: end before start, 1e9 kWh, negative energy, no start, overlaps")
    func hostile() {
        let report = report([
            transaction("backwards", start: "2026-11-02T10:00:00Z", end: "2026-11-02T09:00:00Z", kwh: 10),
            transaction("huge", start: "2026-11-02T10:00:00Z", end: "2026-11-02T11:00:00Z", kwh: 1e9, peak: 1e9),
            transaction("negative", connector: "2", start: "2026-11-03T10:00:00Z", end: "2026-11-03T11:00:00Z", kwh: -5),
            transaction("nostart", start: nil, end: "2026-11-03T11:00:00Z", kwh: 10),
            transaction("overlap", start: "2026-11-02T10:30:00Z", end: "2026-11-02T11:30:00Z", kwh: 20),
            transaction("forever", start: "2025-01-01T00:00:00Z", end: "2026-11-02T00:00:00Z", kwh: 10),
        ])
        #expect(report.total.energyKwh == 20)
        #expect(report.total.peakKw == nil)
        #expect(report.total.sessions == 3)
        #expect(report.issues == [.inconsistentTimes: 3, .impossibleEnergy: 2, .impossiblePower: 1, .overlapping: 2])
        #expect(report.issueNotes.first == "3 sessions with inconsistent times left out")
    }

    @Test("without a connector count, the connectors the sessions used are the capacity")
    func connectorsFromSessions() {
        let report = report([
            transaction("a", connector: "1", start: "2026-11-01T08:00:00Z", end: "2026-11-01T09:00:00Z", kwh: 1),
            transaction("b", connector: "3", start: "2026-11-01T08:00:00Z", end: "2026-11-01T09:00:00Z", kwh: 1),
        ], connectors: nil)
        #expect(report.stations[0].connectors == 2)
    }

    @Test("overlaps are found per connector whatever the order the API sends: a long session covering two later ones, another connector at the same time")
    func overlapsInAnyOrder() {
        let sessions = [
            transaction("late", connector: "1", start: "2026-11-01T12:00:00Z", end: "2026-11-01T13:00:00Z", kwh: 1),
            transaction("other", connector: "2", start: "2026-11-01T08:30:00Z", end: "2026-11-01T09:30:00Z", kwh: 1),
            transaction("long", connector: "1", start: "2026-11-01T08:00:00Z", end: "2026-11-01T14:00:00Z", kwh: 1),
            transaction("alone", connector: "1", start: "2026-11-01T15:00:00Z", end: "2026-11-01T16:00:00Z", kwh: 1),
            transaction("early", connector: "1", start: "2026-11-01T09:00:00Z", end: "2026-11-01T10:00:00Z", kwh: 1),
        ]
        for order in [sessions, sessions.reversed()] {
            let report = report(Array(order), connectors: nil)
            #expect(report.issues[.overlapping] == 3, "long, early and late; not other (connector 2) nor alone")
            #expect(report.stations[0].connectors == 2)
        }
    }

    @Test("a station with many connectors (past those told apart by comparison) is counted and checked for overlaps the same")
    func manyConnectors() {
        let sessions = (1...40).flatMap { connector in
            [transaction("a\(connector)", connector: String(connector), start: "2026-11-01T08:00:00Z", end: "2026-11-01T09:00:00Z", kwh: 1),
             transaction("b\(connector)", connector: String(connector), start: "2026-11-01T08:30:00Z", end: "2026-11-01T09:30:00Z", kwh: 1),
             transaction("c\(connector)", connector: String(connector), start: "2026-11-01T10:00:00Z", end: "2026-11-01T11:00:00Z", kwh: 1)]
        }
        let report = report(sessions.shuffled(), connectors: nil)
        #expect(report.stations[0].connectors == 40)
        #expect(report.issues[.overlapping] == 80)
    }

    @Test("two sessions starting together, one of no length, are compared the same in either order; a session naming no connector is no connector")
    func tiesAndUnknownConnectors() {
        let pair = [
            transaction("instant", connector: "1", start: "2026-11-01T05:00:00Z", end: "2026-11-01T05:00:00Z", kwh: 0),
            transaction("hour", connector: "1", start: "2026-11-01T05:00:00Z", end: "2026-11-01T06:00:00Z", kwh: 1),
        ]
        #expect(report(pair, connectors: nil).issues[.overlapping] == report(pair.reversed(), connectors: nil).issues[.overlapping])
        var unnamed = transaction("unnamed", start: "2026-11-01T05:00:00Z", end: "2026-11-01T06:00:00Z", kwh: 1)
        unnamed.evseId = nil
        let withUnnamed = report([transaction("a", connector: "1", start: "2026-11-01T05:00:00Z", end: "2026-11-01T06:00:00Z", kwh: 1),
                                  transaction("b", connector: "2", start: "2026-11-01T05:00:00Z", end: "2026-11-01T06:00:00Z", kwh: 1),
                                  unnamed, unnamed], connectors: 2)
        #expect(withUnnamed.stations[0].connectors == 2)
        #expect(withUnnamed.issues[.overlapping] == nil)
    }

    @Test("a listed count below the connectors the sessions used (or 0) is not taken: utilisation never passes 100 %", arguments: [0, 1])
    func listedTooFew(listed: Int) {
        let report = report([
            transaction("a", connector: "1", start: "2026-11-01T00:00:00Z", end: "2026-11-01T23:00:00Z", kwh: 1),
            transaction("b", connector: "3", start: "2026-11-01T00:00:00Z", end: "2026-11-01T23:00:00Z", kwh: 1),
        ], connectors: listed)
        #expect(report.stations[0].connectors == 2)
        #expect((report.bucketTotals[0].utilisation ?? 2) <= 1)
    }

    @Test("100,000 sessions over 30 days are bucketed (timing is in chargeye-bench)")
    func many() {
        let start = date("2026-11-01T00:00:00Z")
        let sessions = (0..<100_000).map { index in
            let begin = start.addingTimeInterval(Double(index) * 25)
            return UsageSession(
                stationId: "S1", connector: String(index % 4), occupied: DateInterval(start: begin, duration: 3_000), energyKwh: 30, peakKw: 100
            )
        }
        let report = UsageReport(
            stations: [.init(stationId: "S1", sessions: sessions, connectors: 4)],
            period: DateInterval(start: start, end: date("2026-12-01T00:00:00Z")), size: .day, calendar: utc
        )
        #expect(report.total.sessions == 100_000)
        #expect(abs(report.total.energyKwh - 3_000_000) < 1e-3)
    }
}
