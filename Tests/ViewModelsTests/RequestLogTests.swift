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
        _ = state.update(.requestLogged(record("/auth/refreshAccessToken", status: 200, exchange: true)))
        _ = state.update(.requestLogged(record("/locations", status: 503)))
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
        for index in 0..<(AppState.RequestLog.limit + 10) { _ = state.update(.requestLogged(record("/p\(index)", status: 200))) }
        #expect(state.requestLog.records.count == AppState.RequestLog.limit)
        #expect(state.requestLog.records.first?.path == "/p10")
    }
}
