import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

@Suite("The request log")
struct RequestLogTests {
    private func record(_ path: String, status: Int?, exchange: Bool = false) -> RequestRecord {
        RequestRecord(
            at: Fixtures.start, method: "GET", path: path, url: "https://kempower.io/api" + path, status: status,
            outcome: status.map { "HTTP \($0)" } ?? "connection refused", milliseconds: 42, attempt: 1, isReplay: false,
            bytes: 1234, isTokenExchange: exchange
        )
    }

    @Test("L lists the calls newest last; Enter shows one; c copies it as curl without the token")
    func browseAndCopy() throws {
        var state = Fixtures.loadedState()
        _ = state.update(.requestLogged(nil, record("/auth/refreshAccessToken", status: 200, exchange: true)))
        _ = state.update(.requestLogged(nil, record("/locations", status: 503)))
        _ = state.press(.character("L"))
        let pane = try #require(state.requestLogPane)
        #expect(pane.title == "Requests 2/2")
        #expect(pane.rows[1] == ["16:00:00", "GET", "/locations", "HTTP 503", "42", "1", "1234"])
        #expect(pane.roles == [.normal, .critical])
        #expect(state.press(.character("c")) == [.copyToClipboard(#"curl -sS -X GET -H "Authorization: Bearer $CHARGEYE_JWT" 'https://kempower.io/api/locations'"#)])
        _ = state.press(.up)
        #expect(state.press(.character("c")) == [.copyToClipboard(#"curl -sS -X GET -H "Authorization: Bearer $CHARGEYE_REFRESH_TOKEN" 'https://kempower.io/api/auth/refreshAccessToken'"#)])
        _ = state.press(.enter)
        #expect(state.requestLogPane?.detail?.contains { $0.label == "curl" } == true)
        _ = state.press(.escape)
        #expect(state.requestLogPane?.detail == nil)
        _ = state.press(.escape)
        #expect(state.mode == .browse)
    }

    @Test("the log is bounded")
    func bounded() {
        var state = Fixtures.loadedState()
        for index in 0..<(AppState.RequestLog.limit + 10) { _ = state.update(.requestLogged(nil, record("/p\(index)", status: 200))) }
        #expect(state.requestLog.records.count == AppState.RequestLog.limit)
        #expect(state.requestLog.records.first?.path == "/p10")
    }
}

@Suite("The support hand-off")
struct HandoffTests {
    @Test("H writes a report of the view, the error, the requests and the token times, and then copies it")
    func report() throws {
        var state = Fixtures.loadedState()
        state.about = "chargeye 0.1.0, TERM=xterm"
        _ = state.update(.tokenChanged(TokenState(validUntil: Fixtures.start.addingTimeInterval(3600), lastRefresh: Fixtures.start)))
        let (id, _) = try #require(AppState.loadID(state.press(.control("r"))))
        _ = state.update(.loaded(id, .failure(Fixtures.unavailable)))
        _ = state.update(.requestLogged(nil, RequestRecord(
            at: Fixtures.start, method: "GET", path: "/locations", url: "https://kempower.io/api/locations", status: 503,
            outcome: "HTTP 503", milliseconds: 12, attempt: 3, isReplay: false, bytes: 40, isTokenExchange: false
        )))
        #expect(state.press(.character("H")).isEmpty, "the error pane is a mode: H waits until it is dismissed")
        let effects = state.press(.escape, .character("H"))
        guard case .writeHandoff(let text)? = effects.first else {
            Issue.record("expected a hand-off to be written, got \(effects)")
            return
        }
        #expect(text.hasPrefix("chargeye support hand-off\n"))
        #expect(text.contains("about: chargeye 0.1.0, TERM=xterm"))
        #expect(text.contains("terminal: 80x24"))
        #expect(text.contains("token: valid until 2025-11-24 17:00:00, token 1h 0m"))
        #expect(text.contains("selected: Berlin Fleet Yard"))
        #expect(text.contains("  server says: Maintenance until 14:00"))
        #expect(text.contains("GET /locations -> HTTP 503 12 ms attempt 3"))
        #expect(!text.contains("eyJ"))
        #expect(state.update(.handoffWritten(path: "/tmp/h.txt", text: text)) == [.copyToClipboard(text)])
        #expect(state.statusBar.activity?.text == "hand-off written to /tmp/h.txt and copied (OSC 52)")
    }
}
