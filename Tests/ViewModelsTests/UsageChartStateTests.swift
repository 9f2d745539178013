import ChargEyeAPI
import ChargEyeUsage
import Foundation
import Testing
@testable import ViewModels

@Suite("The usage chart in the browser")
struct UsageChartStateTests {
    /// The `loadUsage` effect among `effects`.
    private func usageLoad(_ effects: [Effect]) throws -> (RequestID, UsageScope, DateInterval) {
        for case .loadUsage(let id, let scope, let period) in effects { return (id, scope, period) }
        throw CancellationError()
    }

    private func page(_ station: String, _ ids: [String], complete: Bool) -> TransactionHistory.StationHistory {
        var history = TransactionHistory.StationHistory(stationId: station)
        history.transactions = ids.enumerated().map { offset, id in
            Transaction(txId: id, stationId: station, evseId: .case2("1"), startTime: Fixtures.start.addingTimeInterval(Double(-offset - 1) * 7200),
                        endTime: Fixtures.start.addingTimeInterval(Double(-offset - 1) * 7200 + 1800), chargedEnergyKwh: 40)
        }
        history.complete = complete
        history.pages = 1
        return history
    }

    @Test("u on a location's stations charts them all; pages fold in as they come; Esc stops and keeps what came, then closes")
    func locationChart() throws {
        var state = try Fixtures.stationsState()
        let (id, scope, period) = try usageLoad(state.press(.character("u")))
        #expect(scope == .stations(["S1", "S2"]))
        #expect(state.mode == .chart)
        #expect(period.end == Fixtures.start && state.usage?.report.buckets.count == 30)
        _ = state.update(.usagePage(id, page("S1", ["a", "b"], complete: false)))
        #expect(state.usage?.report.total.sessions == 2)
        #expect(state.usageChartPane?.status?.text.hasPrefix("reading transactions: 0 of 2 stations, 2 sessions") == true)
        _ = state.update(.usagePage(id, page("S1", ["a", "b", "c"], complete: true)))
        #expect(state.usage?.report.total.sessions == 3 && state.usage?.report.total.energyKwh == 120)
        #expect(state.press(.escape) == [.cancel(id)])
        #expect(state.mode == .chart && state.usage?.stopped == true && state.usage?.report.total.sessions == 3)
        _ = state.update(.usagePage(id, page("S2", ["z"], complete: true)))  // late: dropped
        #expect(state.usage?.report.total.sessions == 3)
        #expect(state.usageChartPane?.status?.text.hasPrefix("stopped: 1 of 2 stations, 3 sessions shown") == true)
        #expect(state.usageChartPane?.lines.contains { $0.contains("kWh per day") } == true)
        _ = state.press(.escape)
        #expect(state.mode == .browse && state.usage == nil)
    }

    @Test("a location in the list is charted by its uid; [ moves a period back, ] returns, b cycles the buckets")
    func movesAndBuckets() throws {
        var state = Fixtures.loadedState()
        let (_, scope, period) = try usageLoad(state.press(.character("u")))
        guard case .location = scope else { throw CancellationError() }
        let (_, _, earlier) = try usageLoad(state.press(.character("[")))
        #expect(earlier.end == period.start)
        let (_, _, back) = try usageLoad(state.press(.character("]")))
        #expect(back == period)
        #expect(state.press(.character("]")).isEmpty)  // already the latest
        _ = try usageLoad(state.press(.character("b")))
        #expect(state.usage?.size == .week && state.usage?.report.buckets.count == 12)
        _ = try usageLoad(state.press(.character("b")))
        #expect(state.usage?.size == .month && state.usage?.report.buckets.count == 12)
    }

    @Test("a failed walk says why and keeps what came; r reads the period again")
    func failure() throws {
        var state = try Fixtures.stationsState()
        let (id, _, _) = try usageLoad(state.press(.character("u")))
        _ = state.update(.usagePage(id, page("S1", ["a"], complete: true)))
        _ = state.update(.usageEnded(id, Fixtures.unavailable))
        #expect(state.usageChartPane?.status?.text.hasPrefix("stopped: HTTP 503") == true)
        #expect(state.usage?.report.total.sessions == 1)
        let (again, _, _) = try usageLoad(state.press(.character("r")))
        #expect(again != id && state.usage?.report.total.sessions == 0)
    }

    @Test("utilisation counts every connector the API lists, not only those the sessions used")
    func connectorsFromTheAPI() throws {
        // Station S1 lists two connectors; its sessions all used connector 1.
        var state = try Fixtures.stationsState()
        let (id, _, _) = try usageLoad(state.press(.character("u")))
        _ = state.update(.usagePage(id, page("S1", ["a", "b"], complete: true)))
        #expect(state.usage?.report.stations.first { $0.stationId == "S1" }?.connectors == 2)
        // A location read for the chart brings the counts of its list.
        var listed = Fixtures.loadedState()
        let (listedID, _, _) = try usageLoad(listed.press(.character("u")))
        _ = listed.update(.usageStations(listedID, ["S7"], ["S7": 6]))
        _ = listed.update(.usagePage(listedID, page("S7", ["a"], complete: true)))
        #expect(listed.usage?.report.stations.first?.connectors == 6)
        // Without a count, the connectors the sessions used.
        _ = listed.update(.usageStations(listedID, ["S7", "S8"], [:]))
        _ = listed.update(.usagePage(listedID, page("S8", ["a"], complete: true)))
        #expect(listed.usage?.report.stations.first { $0.stationId == "S8" }?.connectors == 1)
    }
}
