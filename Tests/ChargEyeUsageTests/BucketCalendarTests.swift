import ChargEyeUsage
import Foundation
import Testing

@Suite("Calendar buckets")
struct BucketCalendarTests {
    private let helsinki = BucketCalendar(timeZone: TimeZone(identifier: "Europe/Helsinki")!)

    private func date(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    @Test("the day the clocks go forward is one bucket of 23 hours, the day they go back one of 25")
    func daylightSaving() {
        let spring = helsinki.buckets(covering: DateInterval(start: date("2026-03-27T22:00:00Z"), end: date("2026-03-31T21:00:00Z")), by: .day)
        #expect(spring.map(\.label) == ["2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"])
        #expect(spring.map { $0.interval.duration / 3600 } == [24, 23, 24, 24])
        let autumn = helsinki.buckets(covering: DateInterval(start: date("2026-10-23T21:00:00Z"), end: date("2026-10-26T22:00:00Z")), by: .day)
        #expect(autumn.map(\.label) == ["2026-10-24", "2026-10-25", "2026-10-26"])
        #expect(autumn.map { $0.interval.duration / 3600 } == [24, 25, 24])
    }

    @Test("weeks are ISO weeks from Monday, months calendar months; the ends are clipped to the period")
    func weeksAndMonths() {
        let period = DateInterval(start: date("2026-10-28T10:00:00Z"), end: date("2026-11-10T12:00:00Z"))
        let weeks = helsinki.buckets(covering: period, by: .week)
        #expect(weeks.map(\.label) == ["2026-W44", "2026-W45", "2026-W46"])
        #expect(weeks.first?.interval.start == period.start && weeks.last?.interval.end == period.end)
        #expect(weeks[1].interval.start == date("2026-11-01T22:00:00Z"))  // Monday 2 November, 00:00 EET
        let months = helsinki.buckets(covering: period, by: .month)
        #expect(months.map(\.label) == ["2026-10", "2026-11"])
        #expect(months[1].interval.start == date("2026-10-31T22:00:00Z"))
    }

    @Test("the last 30 days run from local midnight 29 days ago to now; a period moves by whole buckets")
    func defaultsAndMoves() {
        let now = date("2026-12-01T10:30:00Z")
        let period = helsinki.lastDays(30, now: now)
        #expect(period.start == date("2026-11-01T22:00:00Z") && period.end == now)
        #expect(helsinki.buckets(covering: period, by: .day).count == 30)
        let earlier = helsinki.shifted(DateInterval(start: date("2026-10-31T22:00:00Z"), end: date("2026-11-30T22:00:00Z")), by: -1, .month)
        #expect(earlier.start == date("2026-09-30T21:00:00Z") && earlier.end == date("2026-10-31T22:00:00Z"))
        #expect(helsinki.buckets(covering: DateInterval(start: now, end: now), by: .day).isEmpty)
    }
}
