import ChargEyeAPI
import Foundation
import Testing
import TerminalUI
@testable import ViewModels

@Suite("Whole-screen snapshots")
struct ScreenSnapshotTests {
    @Test("list and detail at 80x24")
    func main80x24() throws {
        try assertSnapshot(Screen.draw(ScreenFixtures.state()), named: "main-80x24")
    }

    @Test("list and detail side by side at 100x30")
    func main100x30() throws {
        try assertSnapshot(Screen.draw(ScreenFixtures.state(width: 100, height: 30)), named: "main-100x30")
    }

    /// The sizes every overlay and pane is pinned at: the usual terminal and the smallest.
    static let sizes: [(width: Int, height: Int)] = [(80, 24), (40, 10)]

    @Test("the error pane over stale data", arguments: sizes)
    func errorPane(size: (width: Int, height: Int)) throws {
        try assertSnapshot(Screen.draw(ScreenFixtures.failedState(width: size.width, height: size.height)), named: "error-\(size.width)x\(size.height)")
    }

    @Test("a dismissed failure: the list says it could not reload, and how to retry", arguments: sizes)
    func dismissedFailure(size: (width: Int, height: Int)) throws {
        var state = ScreenFixtures.failedState(width: size.width, height: size.height)
        _ = state.update(.keyPressed(.escape))
        try assertSnapshot(Screen.draw(state), named: "dismissed-\(size.width)x\(size.height)")
    }

    @Test("the help overlay", arguments: sizes)
    func help(size: (width: Int, height: Int)) throws {
        var state = ScreenFixtures.state(width: size.width, height: size.height)
        _ = state.update(.keyPressed(.character("?")))
        try assertSnapshot(Screen.draw(state), named: "help-\(size.width)x\(size.height)")
    }

    @Test("the detail pane focused and scrolled", arguments: sizes)
    func detail(size: (width: Int, height: Int)) throws {
        var state = ScreenFixtures.state(width: size.width, height: size.height)
        for key in [Key.tab, .down] { _ = state.update(.keyPressed(key)) }
        try assertSnapshot(Screen.draw(state), named: "detail-\(size.width)x\(size.height)")
    }

    @Test("the console with a response", arguments: sizes)
    func console(size: (width: Int, height: Int)) throws {
        var state = ScreenFixtures.state(width: size.width, height: size.height)
        for key in ":/locations" { _ = state.update(.keyPressed(.character(key))) }
        let effects = state.update(.keyPressed(.enter))
        let id = try #require(effects.compactMap { if case .consoleGet(let id, _) = $0 { id } else { nil } }.first)
        let body = Data(#"{"locations":[{"id":"LF59aGkk2t","name":"Acme Depot Vantaa","address":"Tikkurilantie 10, 01300 Vantaa"}]}"#.utf8)
        _ = state.update(.consoleAnswered(id, .success(RawResponse(path: "/locations", status: 200, contentType: "application/json", body: body, duration: .milliseconds(87)))))
        try assertSnapshot(Screen.draw(state), named: "console-\(size.width)x\(size.height)")
    }

    @Test("the request log", arguments: sizes)
    func requestLog(size: (width: Int, height: Int)) throws {
        var state = ScreenFixtures.state(width: size.width, height: size.height)
        for (path, status) in [("/auth/refreshAccessToken", 200), ("/locations", 503), ("/locations", 200)] {
            _ = state.update(.requestLogged(nil, RequestRecord(
                at: ScreenFixtures.now, method: "GET", path: path, url: "https://kempower.io/api" + path, status: status,
                outcome: "HTTP \(status)", milliseconds: 87, attempt: path == "/auth/refreshAccessToken" ? 1 : (status == 503 ? 1 : 2),
                isReplay: false, bytes: 2048, isTokenExchange: path.hasPrefix("/auth")
            )))
        }
        _ = state.update(.keyPressed(.character("L")))
        try assertSnapshot(Screen.draw(state), named: "request-log-\(size.width)x\(size.height)")
    }

    @Test("too small, in ASCII")
    func tooSmall() throws {
        let grid = Screen.draw(ScreenFixtures.state(width: 36, height: 8), glyphs: .ascii)
        #expect(grid.lines[4].contains("small (need 40x10)"), "\(grid)")
        try assertSnapshot(grid, named: "too-small-36x8")
    }

    @Test("one pane at a time at 50x16, in ASCII")
    func narrow() throws {
        try assertSnapshot(Screen.draw(ScreenFixtures.state(width: 50, height: 16), glyphs: .ascii), named: "narrow-50x16")
    }

    @Test("live gauges: a station's power, a session's charge and power, the roll-up's bar; UTF-8 and ASCII", arguments: [false, true])
    func gauges(ascii: Bool) throws {
        let glyphs: Glyphs = ascii ? .ascii : .unicode
        let suffix = ascii ? "-ascii" : ""
        try assertSnapshot(Screen.draw(ScreenFixtures.gaugesState(width: 100, height: 24, connector: false), glyphs: glyphs), named: "gauges-station-100x24\(suffix)")
        try assertSnapshot(Screen.draw(ScreenFixtures.gaugesState(width: 80, height: 24, connector: true), glyphs: glyphs), named: "gauges-connector-80x24\(suffix)")
    }
}
