import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

@Suite("Paging in the browser: one request per scroll to the end, never a loop")
struct CursorPagingTests {
    @Test("a page that arrives never asks for the next by itself; each move near the end asks once")
    func noPagingByItself() throws {
        var (state, firstID) = try Fixtures.transactionsState()
        #expect(state.update(.loaded(firstID, .success(Fixtures.page(0..<3, next: "A")))).isEmpty)
        let (secondID, request) = try #require(AppState.loadID(state.press(.down)))
        #expect(request == .transactions(stationId: "S1", cursor: TransactionCursor(json: "A")))
        #expect(state.press(.down).isEmpty)  // the page is in flight
        #expect(state.update(.loaded(secondID, .success(Fixtures.page(3..<6, next: "B")))).isEmpty)
        #expect(state.listPane.position == "3/6+")
        let (_, third) = try #require(AppState.loadID(state.press(.down)))
        #expect(third == .transactions(stationId: "S1", cursor: TransactionCursor(json: "B")))
    }

    @Test("a repeated cursor stops the paging: the list says so, moving asks for nothing, r loads again from the first page")
    func repeatedCursorStops() throws {
        var (state, firstID) = try Fixtures.transactionsState()
        _ = state.update(.loaded(firstID, .success(Fixtures.page(0..<12, next: "A"))))
        let (secondID, _) = try #require(AppState.loadID((0..<7).flatMap { _ in state.press(.down) }))
        let effects = state.update(.loaded(secondID, .success(Fixtures.page(12..<15, next: "A"))))
        #expect(AppState.loadID(effects) == nil)
        #expect(state.current.visible.count == 15)
        #expect(state.listPane.footer == Span("more pages could not be loaded: the server repeated a cursor; r retries", .warning))
        #expect(state.listPane.position == "8/15")
        #expect(state.statusBar.activity?.text == "more pages could not be loaded: the server repeated a cursor; r retries")
        #expect(state.press(.end, .down, .down).allSatisfy { if case .load = $0 { false } else { true } })
        let (_, reload) = try #require(AppState.loadID(state.press(.character("r"))))
        #expect(reload == .transactions(stationId: "S1", cursor: nil))
        #expect(state.current.visible.count == 15)  // what was shown stays until the new first page comes
    }

    @Test("items repeated across pages are shown once and the count is logged")
    func duplicatesShownOnce() throws {
        var (state, firstID) = try Fixtures.transactionsState()
        _ = state.update(.loaded(firstID, .success(Fixtures.page(0..<12, next: "A"))))
        let (secondID, _) = try #require(AppState.loadID((0..<7).flatMap { _ in state.press(.down) }))
        let effects = state.update(.loaded(secondID, .success(Fixtures.page(10..<15, next: nil))))
        #expect(state.current.visible.count == 15)
        #expect(effects == [.log("GET /chargingStations/S1/transactions: 2 transactions repeated across pages were dropped")])
        #expect(state.listPane.footer == nil)
    }
}
