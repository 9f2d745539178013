import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

@Suite("Token countdown from an injected clock")
struct CountdownTests {
    private func state(validFor seconds: TimeInterval, refreshing: Bool = false) -> TokenState {
        TokenState(validUntil: Fixtures.start.addingTimeInterval(seconds), lastRefresh: Fixtures.start, isRefreshing: refreshing)
    }

    @Test("text and severity", arguments: [
        (28_799.0, "token 7h 59m", Role.ok),
        (3_600.0, "token 1h 0m", .ok),
        (901.0, "token 15m", .ok),
        (899.0, "token 14m", .warning),
        (599.5, "token 9m 59s", .warning),
        (119.0, "token 1m 59s", .critical),
        (5.0, "token 5s", .critical),
        (-1.0, "token expired", .critical),
    ])
    func countdown(seconds: TimeInterval, text: String, role: Role) {
        let countdown = TokenCountdown(state: state(validFor: seconds), now: Fixtures.start)
        #expect(countdown.text == text)
        #expect(countdown.role == role)
    }

    @Test("refreshing and unauthenticated states")
    func otherStates() {
        #expect(TokenCountdown(state: nil, now: Fixtures.start).text == "token …")
        #expect(TokenCountdown(state: state(validFor: 100, refreshing: true), now: Fixtures.start).text == "token refreshing…")
    }

    @Test("the next wake-up is the next visible change: minutes, then seconds in the last 10 minutes")
    func nextChange() {
        let start = Fixtures.start
        let hours = TokenCountdown.nextChange(state: state(validFor: 28_790), now: start)
        #expect(abs((hours?.timeIntervalSince(start) ?? 0) - 50.001) < 0.01)
        let minutes = TokenCountdown.nextChange(state: state(validFor: 300.25), now: start)
        #expect(abs((minutes?.timeIntervalSince(start) ?? 0) - 0.251) < 0.01)
        #expect(TokenCountdown.nextChange(state: state(validFor: -5), now: start) == nil)
    }

    @Test("the state's deadline follows the countdown; a renewal shows the new expiry")
    func stateDeadlineAndRenewal() {
        var app = Fixtures.loadedState()
        _ = app.update(.tokenChanged(state(validFor: 28_800)))
        #expect(app.statusBar.countdown.text == "token 8h 0m")
        _ = app.update(.tick(Fixtures.start.addingTimeInterval(60)))
        #expect(app.statusBar.countdown.text == "token 7h 59m")
        _ = app.update(.tokenChanged(state(validFor: 28_800, refreshing: true)))
        #expect(app.statusBar.countdown.text == "token refreshing…")
        _ = app.update(.tokenChanged(TokenState(validUntil: Fixtures.start.addingTimeInterval(36_000), lastRefresh: Fixtures.start)))
        #expect(app.statusBar.activity?.text == "token renewed, valid until 02:00:00")
        guard case .refreshToken(let id)? = app.press(.character("t")).first else {
            Issue.record("t should renew the token")
            return
        }
        #expect(app.requests[id]?.purpose == .token)
        _ = app.update(.tokenRenewed(id))
        #expect(app.requests[id] == nil)
    }
}
