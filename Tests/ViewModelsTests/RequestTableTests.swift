import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

@Suite("One table of requests: cancel, stale replies, retries, pages")
struct RequestTableTests {
    private static let retryEvent = RetryEvent(
        request: .init(method: "GET", path: "/locations"), nextAttempt: 2, maxAttempts: 3, delay: 1.2, reason: "HTTP 503", scheduledAt: Fixtures.start
    )

    @Test("every request started is in the table with its purpose, and leaves it with its reply")
    func purposes() throws {
        var state = Fixtures.loadedState()
        #expect(state.requests.entries.values.map(\.purpose) == [.fleet], "the fleet read started beside the locations")
        _ = state.update(.loaded(try #require(state.fleet.requestID), .success(.fleet(FleetStations(collecting: StationTable(), source: .unfiltered)))))
        #expect(state.requests.entries.isEmpty)
        let (reload, _) = try #require(AppState.loadID(state.press(.control("r"))))
        #expect(state.requests[reload]?.purpose == .level(state.current.id, .reload))
        for message in Message.locationsArrived(reload, Fixtures.locations) { _ = state.update(message) }
        #expect(state.requests.entries.isEmpty)
        #expect(state.current.load == .loaded(at: Fixtures.start))
    }

    @Test("a reload while one is in flight cancels it; the first one's late reply is dropped")
    func reloadSupersedes() throws {
        var state = Fixtures.loadedState()
        let (first, _) = try #require(AppState.loadID(state.press(.control("r"))))
        let effects = state.press(.control("r"))
        let (second, _) = try #require(AppState.loadID(effects))
        #expect(effects.first == .cancel(first))
        #expect(state.update(.loaded(first, .failure(Fixtures.unavailable))).isEmpty)
        #expect(state.mode == .browse, "a superseded call's failure opens nothing")
        #expect(state.current.load.requestID == second)
    }

    @Test("retry progress of a call still wanted shows, of a cancelled call is dropped, and ends with the call")
    func taggedRetries() throws {
        var state = Fixtures.loadedState()
        let (first, _) = try #require(AppState.loadID(state.press(.control("r"))))
        _ = state.update(.retryScheduled(first, Self.retryEvent))
        #expect(state.statusBar.activity?.text == "retry 2/3 in 1.2 s (HTTP 503)")
        let fleetRead = try #require(state.fleet.requestID)
        #expect(state.press(.escape) == [.cancel(fleetRead), .cancel(first)])
        #expect(state.statusBar.activity?.text.hasPrefix("cancelled GET /locations") == true)
        _ = state.update(.tick(Fixtures.start.addingTimeInterval(5)))
        _ = state.update(.retryScheduled(first, Self.retryEvent))
        #expect(state.requests.retry(at: state.now) == nil, "a late retry notice of a cancelled call is stale")
        _ = state.update(.warning(first, "late warning"))
        #expect(state.statusBar.activity?.text != "late warning")
        _ = state.update(.warning(nil, "a warning of no call"))
        #expect(state.statusBar.activity?.text == "a warning of no call")
    }

    @Test("a page in flight is cancelled with its level; its late reply is dropped and a new visit starts over")
    func pageAfterCancel() throws {
        var (state, first) = try Fixtures.transactionsState()
        _ = state.update(.loaded(first, .success(Fixtures.page(0..<3, next: "A"))))
        let (page, request) = try #require(AppState.loadID(state.press(.down)))
        #expect(request == .transactions(stationId: "S1", cursor: TransactionCursor(json: "A")))
        #expect(state.listPane.badges.contains(Span("loading more…", .accent)))
        #expect(state.press(.escape) == [.cancel(page)])
        #expect(state.requests.entries.values.map(\.purpose) == [.fleet])
        #expect(state.update(.loaded(page, .success(Fixtures.page(3..<6, next: nil)))).isEmpty)
        let (again, fresh) = try #require(AppState.loadID(state.press(.enter)))
        #expect(fresh == .transactions(stationId: "S1", cursor: nil))
        #expect(again != page)
        #expect(state.current.data == nil, "the new visit shows nothing of the old one's late page")
    }

    @Test("a failed page keeps the pages before it, current, and r asks for the same page again")
    func failedPage() throws {
        var (state, first) = try Fixtures.transactionsState()
        _ = state.update(.loaded(first, .success(Fixtures.page(0..<3, next: "A"))))
        let (page, _) = try #require(AppState.loadID(state.press(.down)))
        _ = state.update(.loaded(page, .failure(Fixtures.unavailable)))
        #expect(state.mode == .error)
        #expect(!state.current.isStale)
        #expect(state.errorPane?.lines.contains { $0.text == "the pages before this one stay on screen" } == true)
        let (retry, request) = try #require(AppState.loadID(state.press(.character("r"))))
        #expect(request == .transactions(stationId: "S1", cursor: TransactionCursor(json: "A")))
        #expect(state.requests[retry]?.purpose == .level(state.current.id, .page(TransactionCursor(json: "A"))))
    }

    @Test("closing the console cancels its GET; a new GET supersedes the one in flight")
    func consoleRequests() throws {
        var state = Fixtures.loadedState()
        for key in ":/a" { _ = state.press(.character(key)) }
        guard case .consoleGet(let first, _)? = state.press(.enter).first else { throw CancellationError() }
        #expect(state.statusBar.activity?.text == "loading…")
        for key in ":/b" { _ = state.press(.character(key)) }
        let effects = state.press(.enter)
        #expect(effects.first == .cancel(first))
        guard case .consoleGet(let second, "/b")? = effects.last else { throw CancellationError() }
        #expect(state.press(.escape) == [.cancel(second)])
        #expect(state.mode == .browse)
        #expect(state.statusBar.activity?.text != "loading…")
    }
}

@Suite("The error pane is a mode")
struct ErrorModeTests {
    private static func failed() throws -> AppState {
        var state = Fixtures.loadedState()
        let (id, _) = try #require(AppState.loadID(state.press(.control("r"))))
        _ = state.update(.loaded(id, .failure(Fixtures.unavailable)))
        return state
    }

    @Test("while it shows, keys of the list behind it do nothing")
    func listKeysDoNothing() throws {
        var state = try Self.failed()
        let selected = state.current.selectedID
        for key: Key in [.enter, .down, .character("/"), .character("v"), .character("H"), .character(":"), .character("x")] {
            #expect(state.press(key).isEmpty, "\(key) acted behind the error pane")
        }
        #expect(state.stack.count == 1)
        #expect(state.current.selectedID == selected)
        #expect(state.mode == .error)
    }

    @Test("c copies the error, ? opens the help with the pane's keys, closing it comes back to the pane")
    func copyAndHelp() throws {
        var state = try Self.failed()
        #expect(state.press(.character("c")) == [.copyToClipboard(
            "GET /locations failed: HTTP 503 Service Unavailable: \"Maintenance until 14:00\" (after 3 attempts)"
        )])
        _ = state.press(.character("?"))
        let help = try #require(state.helpOverlay)
        #expect(help.rows.contains { $0.label == "in the error pane:" })
        #expect(help.rows.contains { $0.keys == "c" && $0.label == "copy the error" })
        _ = state.press(.character("z"))
        #expect(state.mode == .error)
        #expect(state.errorPane != nil)
    }

    @Test("no live refresh starts under the pane")
    func noLiveRefreshUnderThePane() throws {
        var state = try Fixtures.stationsState()
        let (id, _) = try #require(AppState.loadID(state.press(.control("r"))))
        _ = state.update(.loaded(id, .failure(Fixtures.unavailable)))
        #expect(state.mode == .error)
        #expect(state.update(.tick(Fixtures.start.addingTimeInterval(3600))).isEmpty)
        _ = state.press(.escape)
        #expect(AppState.loadID(state.update(.tick(Fixtures.start.addingTimeInterval(3601)))) != nil)
    }
}

@Suite("Keys are data: remapped keys show where they act")
struct RemappedHintsTests {
    @Test("a remapped retry, back and filter key show in the error pane, the hints, the filter and the empty texts")
    func remappedEverywhere() throws {
        let map = try KeyMap.standard.remapped(["retry": ["R"], "back": ["Left"], "cancel": ["Ctrl-G"], "submit": ["Tab"]])
        var state = AppState(connectionLabel: "t", isDemo: false, now: Fixtures.start, keyMap: map, timeZone: Fixtures.utc)
        _ = state.update(.resized(width: 80, height: 24))
        let (id, _) = try #require(AppState.loadID(state.start()))
        _ = state.update(.loaded(id, .failure(Fixtures.unavailable)))
        #expect(state.errorPane?.keys == "R retry   ← dismiss   c copy error")
        #expect(state.statusBar.hints.prefix(2).map(\.key) == ["R", "←"])
        _ = state.press(.left)
        #expect(state.listPane.emptyText == "could not load: HTTP 503 — R retry")
        #expect(state.statusBar.hints.first?.key == "R")
        let (retry, _) = try #require(AppState.loadID(state.press(.character("R"))))
        for message in Message.locationsArrived(retry, Fixtures.locations) { _ = state.update(message) }
        _ = state.press(.character("/"))
        #expect(state.statusBar.hints.map(\.key) == ["Tab", "Ctrl-G"])
        #expect(state.statusBar.activity?.text == "filter: type to narrow, Tab keeps, Ctrl-G clears")
        _ = state.press(.character("z"), .control("g"))
        #expect(state.mode == .browse)
        #expect(state.current.filter.isEmpty)
    }

    @Test("in text entry characters are typed, even those bound to actions")
    func charactersAreText() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("/"))
        #expect(state.press(.character("q"), .character("j"), .character("?")).isEmpty)
        #expect(state.current.filter == "qj?")
        #expect(state.press(.control("c")) == [.quit])
    }
}
