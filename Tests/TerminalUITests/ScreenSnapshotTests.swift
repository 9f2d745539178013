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

    @Test("the error pane over stale data")
    func errorPane() throws {
        try assertSnapshot(Screen.draw(ScreenFixtures.failedState()), named: "error-80x24")
    }

    @Test("the help overlay")
    func help() throws {
        var state = ScreenFixtures.state()
        _ = state.update(.keyPressed(.character("?")))
        try assertSnapshot(Screen.draw(state), named: "help-80x24")
    }

    @Test("the console with a response")
    func console() throws {
        var state = ScreenFixtures.state()
        for key in ":/locations" { _ = state.update(.keyPressed(.character(key))) }
        if case .consoleGet(let id, _)? = state.update(.keyPressed(.enter)).first {
            let body = Data(#"{"locations":[{"id":"LF59aGkk2t","name":"Acme Depot Vantaa"}]}"#.utf8)
            _ = state.update(.consoleAnswered(id, .success(RawResponse(path: "/locations", status: 200, contentType: "application/json", body: body, duration: .milliseconds(87)))))
        }
        try assertSnapshot(Screen.draw(state), named: "console-80x24")
    }

    @Test("the request log")
    func requestLog() throws {
        var state = ScreenFixtures.state()
        for (path, status) in [("/auth/refreshAccessToken", 200), ("/locations", 503), ("/locations", 200)] {
            _ = state.update(.requestLogged(nil, RequestRecord(
                at: ScreenFixtures.now, method: "GET", path: path, url: "https://kempower.io/api" + path, status: status,
                outcome: "HTTP \(status)", milliseconds: 87, attempt: path == "/auth/refreshAccessToken" ? 1 : (status == 503 ? 1 : 2),
                isReplay: false, bytes: 2048, isTokenExchange: path.hasPrefix("/auth")
            )))
        }
        _ = state.update(.keyPressed(.character("L")))
        try assertSnapshot(Screen.draw(state), named: "request-log-80x24")
    }

    @Test("too small, in ASCII")
    func tooSmall() throws {
        let grid = Screen.draw(ScreenFixtures.state(width: 36, height: 8), glyphs: .ascii)
        #expect(grid.lines[4].contains("terminal too small (need 40x10)") || grid.lines[4].contains("terminal too small"))
        try assertSnapshot(grid, named: "too-small-36x8")
    }

    @Test("one pane at a time at 50x16, in ASCII")
    func narrow() throws {
        try assertSnapshot(Screen.draw(ScreenFixtures.state(width: 50, height: 16), glyphs: .ascii), named: "narrow-50x16")
    }
}
