import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

@Suite("Loading, failures and retries")
struct LoadFailRetryTests {
    @Test("a failed reload keeps the data on screen, marked stale, and opens the error pane")
    func failedReloadKeepsData() throws {
        var state = Fixtures.loadedState()
        let (id, _) = try #require(AppState.loadID(state.press(.control("r"))))
        #expect(state.listPane.badges.contains(Span("refreshing…", .accent)))
        _ = state.update(.loaded(id, .failure(Fixtures.unavailable)))
        #expect(state.rowNames.count == 4)
        #expect(state.current.isStale)
        #expect(state.listPane.badges.first == Span("STALE", .warning))
        let pane = try #require(state.errorPane)
        let text = pane.lines.map(\.text)
        #expect(text.first == "HTTP 503 Service Unavailable — the service is unavailable")
        #expect(text.contains("server says: Maintenance until 14:00"))
        #expect(text.contains("request: GET /locations"))
        #expect(text.contains("attempts: 3"))
        #expect(text.contains { $0.hasPrefix("retryable: yes") })
        #expect(text.contains { $0.hasPrefix("when: ") })
        #expect(pane.keys == "r retry   Esc dismiss   c copy error")
    }

    @Test("r retries the failed call and success clears the error and the stale mark")
    func retrySucceeds() throws {
        var state = Fixtures.loadedState()
        let (first, _) = try #require(AppState.loadID(state.press(.control("r"))))
        _ = state.update(.loaded(first, .failure(Fixtures.unavailable)))
        let (second, request) = try #require(AppState.loadID(state.press(.character("r"))))
        #expect(request == .locations)
        #expect(state.errorPane == nil)
        for message in Message.locationsArrived(second, Fixtures.locations) { _ = state.update(message) }
        #expect(!state.current.isStale)
        #expect(state.current.load.failure == nil)
        #expect(state.mode == .browse)
    }

    @Test("Esc dismisses the error pane but the data stays stale until a successful load")
    func dismiss() throws {
        var state = Fixtures.loadedState()
        let (id, _) = try #require(AppState.loadID(state.press(.control("r"))))
        _ = state.update(.loaded(id, .failure(Fixtures.unavailable)))
        _ = state.press(.escape)
        #expect(state.errorPane == nil)
        #expect(state.current.isStale)
        #expect(state.stack.count == 1)
    }

    @Test("a failed first load shows how to retry in the list")
    func failedFirstLoad() throws {
        var state = AppState(connectionLabel: "t", isDemo: false, now: Fixtures.start, timeZone: Fixtures.utc)
        let (id, _) = try #require(AppState.loadID(state.start()))
        _ = state.update(.loaded(id, .failure(.transport(.init(request: .init(method: "GET", path: "/locations"), host: "kempower.io", kind: .connectionRefused, detail: "")))))
        #expect(state.mode == .error)
        #expect(state.errorPane?.lines.first?.text == "cannot connect to kempower.io (connection refused or unreachable)")
        _ = state.press(.escape)
        #expect(state.errorPane == nil)
        #expect(state.listPane.emptyText == "could not load: cannot connect to kempower.io (connection refused or unreachable) — r retry")
        #expect(state.statusBar.hints.first?.label == "retry")
    }

    @Test("a non-retryable error says so")
    func notRetryable() throws {
        var state = Fixtures.loadedState()
        let (id, _) = try #require(AppState.loadID(state.press(.enter)))
        let notFound = ChargEyeError.http(.init(request: .init(method: "GET", path: "/stations"), status: 404, serverMessage: "Location L4 not found"))
        _ = state.update(.loaded(id, .failure(notFound)))
        #expect(state.errorPane?.lines.contains { $0.text.hasPrefix("retryable: no") } == true)
    }

    @Test("the error pane left open past the refresh time holds the reload and sets no deadline due now (no busy loop)")
    func errorPaneHoldsTheReload() throws {
        var state = Fixtures.loadedState()
        let (id, _) = try #require(AppState.loadID(state.press(.control("r"))))
        _ = state.update(.loaded(id, .failure(Fixtures.unavailable)))
        #expect(state.mode == .error)
        for minutes in [5.0, 12, 60] {
            let later = Fixtures.start.addingTimeInterval(minutes * 60)
            #expect(state.update(.tick(later)).isEmpty, "no reload behind the error pane")
            let deadline = try #require(state.nextDeadline)
            #expect(deadline.timeIntervalSince(later) >= 1, "the next wake-up is the next minute's age change, not now")
        }
    }

    @Test("automatic retries show in the status bar as they count down")
    func retryProgress() {
        var state = Fixtures.loadedState()
        let event = RetryEvent(request: .init(method: "GET", path: "/locations"), nextAttempt: 2, maxAttempts: 3, delay: 1.2, reason: "HTTP 503", scheduledAt: Fixtures.start)
        _ = state.update(.retryScheduled(nil, event))
        #expect(state.statusBar.activity?.text == "retry 2/3 in 1.2 s (HTTP 503)")
        _ = state.update(.tick(Fixtures.start.addingTimeInterval(0.7)))
        #expect(state.statusBar.activity?.text == "retry 2/3 in 0.5 s (HTTP 503)")
        #expect(abs((state.nextDeadline?.timeIntervalSince(Fixtures.start) ?? 0) - 0.8) < 0.001)
    }

    @Test("transactions load more pages as the selection nears the end, without duplicates")
    func paging() throws {
        var state = Fixtures.loadedState()
        let (stationsID, _) = try #require(AppState.loadID(state.press(.enter)))
        _ = state.update(.loaded(stationsID, .success(.stations(Fixtures.stations))))
        _ = state.press(.down, .enter)
        let (firstID, _) = try #require(AppState.loadID(state.press(.enter)))
        let page1 = (0..<12).map { Fixtures.transaction("t\($0)", minutesAgo: Double($0) * 60) }
        let cursor = TransactionCursor(json: #"{"txId":"t11"}"#)
        let more = state.update(.loaded(firstID, .success(.transactions(.init(transactions: page1, summary: nil, next: cursor)))))
        #expect(more.isEmpty)
        #expect(state.listPane.position == "1/12+")
        var effects: [Effect] = []
        for _ in 0..<7 { effects += state.press(.down) }
        let (pageID, request) = try #require(AppState.loadID(effects))
        #expect(request == .transactions(stationId: "S1", cursor: cursor))
        #expect(state.press(.down).isEmpty)  // one page at a time
        let page2 = (11..<15).map { Fixtures.transaction("t\($0)", minutesAgo: Double($0) * 60) }
        _ = state.update(.loaded(pageID, .success(.transactions(.init(transactions: page2, summary: nil, next: nil)))))
        #expect(state.current.visible.count == 15)
        #expect(state.listPane.position == "9/15")
    }

    @Test("the console GETs a path and shows status and body lines")
    func console() throws {
        var state = Fixtures.loadedState()
        _ = state.press(.character(":"), .character("/"), .character("x"))
        #expect(state.consolePane?.prompt == "/x")
        let effects = state.press(.enter)
        guard case .consoleGet(let id, let path)? = effects.first else {
            Issue.record("expected a console GET, got \(effects)")
            return
        }
        #expect(path == "/x")
        let response = RawResponse(path: "/x", status: 200, contentType: "application/json", body: Data(#"{"a":[1,2]}"#.utf8), duration: .milliseconds(42))
        _ = state.update(.consoleAnswered(id, .success(response)))
        let pane = try #require(state.consolePane)
        #expect(pane.status?.text == "HTTP 200 GET /x · 42 ms · 11 bytes")
        #expect(pane.lines.first == "{")
        _ = state.press(.escape)
        #expect(state.consolePane == nil)
    }

    @Test("x toggles faults only in demo mode; help opens and, when it fits, any key closes it")
    func demoAndHelp() {
        var demo = Fixtures.loadedState(demo: true)
        #expect(demo.press(.character("x")) == [.setFaults(on: true)])
        _ = demo.update(.faultsSwitched(on: true))
        #expect(demo.header.faultsOn)
        #expect(demo.statusBar.activity?.text.contains("fault injection ON") == true)
        var plain = Fixtures.loadedState()
        #expect(plain.press(.character("x")).isEmpty)
        _ = plain.press(.character("?"))
        let help = plain.helpOverlay
        #expect(help?.rows.contains { $0.keys == "q" && $0.label == "quit" } == true)
        #expect(help?.rows.contains { $0.keys == "Ctrl-C" && $0.label == "quit from anywhere" } == true)
        #expect(help?.rows.contains { $0.label == "demo: toggle faults" } == false)
        _ = plain.press(.character("j"))
        #expect(plain.helpOverlay == nil)
    }
}
