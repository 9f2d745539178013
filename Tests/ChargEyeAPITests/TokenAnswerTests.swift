import ChargEyeAPI
import Foundation
import Logging
import Synchronization
import Testing

/// Token exchanges that answer whatever a test says, counted, on a clock the test moves.
private final class ScriptedExchange: TokenIssuing {
    let clock: TestClock
    private let answer: @Sendable (Date) throws -> TokenAnswer
    private let count = Mutex(0)

    init(clock: TestClock, answer: @escaping @Sendable (Date) throws -> TokenAnswer) {
        self.clock = clock
        self.answer = answer
    }

    var calls: Int { count.withLock { $0 } }

    func issueToken() async throws -> TokenAnswer {
        count.withLock { $0 += 1 }
        return try answer(clock.now)
    }
}

/// A JWT-shaped token with the given `exp` claim (none when nil); the signature is not checked.
private func jwt(exp: Date?) -> Secret {
    func base64URL(_ text: String) -> String { Base64URL.encode(Data(text.utf8)) }
    let claims = exp.map { #"{"sub":"t","exp":\#(Int($0.timeIntervalSince1970))}"# } ?? #"{"sub":"t"}"#
    return Secret("\(base64URL(#"{"alg":"HS256"}"#)).\(base64URL(claims)).c2lnbmF0dXJl")
}

private let start = Date(timeIntervalSince1970: 1_800_000_000)

/// A manager on the test clock that logs nothing (its warnings are what the tests assert on).
private func manager(_ exchange: ScriptedExchange) -> TokenManager {
    TokenManager(issuer: exchange, cache: nil, now: exchange.clock.function, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
}

/// An exchange answering well-formed 8-hour tokens, on a test clock at `start`.
private func eightHourExchanges() -> (TestClock, ScriptedExchange) {
    let clock = TestClock(start)
    return (clock, ScriptedExchange(clock: clock) { now in
        TokenAnswer(token: jwt(exp: nil), validUntil: .date(now.addingTimeInterval(28_800)), serverDate: now)
    })
}

/// Runs the auto-refresh loop and a call every `callEvery` seconds for `window` seconds of
/// the test clock, and returns how many exchanges were made.
private func exchanges(
    in window: TimeInterval, callEvery: TimeInterval = 1, answer: @escaping @Sendable (Date) throws -> TokenAnswer
) async -> (count: Int, manager: TokenManager, clock: TestClock) {
    let clock = TestClock(start)
    let exchange = ScriptedExchange(clock: clock, answer: answer)
    let manager = manager(exchange)
    var next = start
    let end = start.addingTimeInterval(window)
    // The loop's sleeps and the calls share one clock: whichever is due first runs first.
    while next <= end {
        clock.set(next)
        _ = try? await manager.validToken()
        next = next.addingTimeInterval(callEvery)
    }
    return (exchange.calls, manager, clock)
}

/// Runs only the auto-refresh loop for `window` seconds of the test clock (its sleeps move it).
private func autoRefreshExchanges(
    in window: TimeInterval, answer: @escaping @Sendable (Date) throws -> TokenAnswer
) async -> (count: Int, wakes: [Date]) {
    let clock = TestClock(start)
    let exchange = ScriptedExchange(clock: clock, answer: answer)
    let manager = manager(exchange)
    let wakes = Recorder<Date>()
    let end = start.addingTimeInterval(window)
    await manager.runAutoRefresh(sleep: { seconds in
        clock.advance(by: seconds)
        wakes.append(clock.now)
        if clock.now > end { throw CancellationError() }
    })
    return (exchange.calls, wakes.values)
}

@Suite("Token answers a server can get wrong")
struct TokenAnswerTests {
    @Test("validUntil in the past: one exchange in 10 minutes of calls, the token used until refused, the problem stated")
    func pastValidUntilDoesNotStorm() async throws {
        let (count, manager, clock) = await exchanges(in: 600) { now in
            TokenAnswer(token: jwt(exp: nil), validUntil: .date(Date(timeIntervalSince1970: 1_577_836_800)), serverDate: now)
        }
        #expect(count == 1)
        let token = try await manager.validToken()
        #expect(token.lifetimeSource == .documented)
        #expect(token.expiresAt == start.addingTimeInterval(28_800))
        let state = await manager.currentState
        #expect(state.problem == "the server's tokens arrive already expired (valid until 2020-01-01 00:00 UTC); using them until refused")
        #expect(clock.now == start.addingTimeInterval(600))
    }

    @Test("validUntil in the past but a JWT exp: timed by exp")
    func pastValidUntilTimedByExp() async throws {
        let (count, manager, _) = await exchanges(in: 600) { now in
            TokenAnswer(token: jwt(exp: now.addingTimeInterval(3600)), validUntil: .date(now.addingTimeInterval(-60)), serverDate: now)
        }
        #expect(count == 1)
        let token = try await manager.validToken()
        #expect(token.lifetimeSource == .jwtExpiry)
        #expect(token.expiresAt == start.addingTimeInterval(3600))
    }

    @Test("a 2-second lifetime is honoured without a storm: at most one renewal per 30 s")
    func shortLifetimeIsFloored() async throws {
        let (count, manager, _) = await exchanges(in: 600) { now in
            TokenAnswer(token: jwt(exp: nil), validUntil: .date(now.addingTimeInterval(2)), serverDate: now)
        }
        #expect(count == 21)  // t = 0, 30, 60, ... 600
        let state = await manager.currentState
        #expect(state.lifetimeSource == .validUntil)
        #expect(state.problem == "the server's tokens last only 2 s; renewing at most every 30 s")
    }

    @Test("the auto-refresh loop keeps the same floor for a 2-second token")
    func autoRefreshShortLifetime() async {
        let (count, wakes) = await autoRefreshExchanges(in: 600) { now in
            TokenAnswer(token: jwt(exp: nil), validUntil: .date(now.addingTimeInterval(2)), serverDate: now)
        }
        #expect(count == 21)
        let gaps = zip(wakes.dropFirst(), wakes).map { $0.timeIntervalSince($1) }
        #expect(gaps.allSatisfy { $0 >= 30 })
    }

    @Test("renewals that keep arriving expired back off, doubling up to an hour apart")
    func expiredRenewalsBackOff() async {
        // validUntil an hour in the past; the JWT's own exp a minute ahead (renewal due at 54 s).
        let (count, wakes) = await autoRefreshExchanges(in: 14_400) { now in
            TokenAnswer(token: jwt(exp: now.addingTimeInterval(60)), validUntil: .date(now.addingTimeInterval(-3600)), serverDate: now)
        }
        #expect(wakes.map { $0.timeIntervalSince(start) } == [54, 114, 234, 474, 954, 1914, 3834, 7434, 11_034, 14_634])
        #expect(count == 10)
    }

    @Test("a validUntil before the server's own Date is caught even when our clock is behind")
    func expiredByTheServersClock() async throws {
        let (_, manager, _) = await exchanges(in: 0) { now in
            let server = now.addingTimeInterval(3600)
            return TokenAnswer(token: jwt(exp: nil), validUntil: .date(server.addingTimeInterval(-60)), serverDate: server)
        }
        let token = try await manager.validToken()
        #expect(token.problem?.hasPrefix("the server's tokens arrive already expired") == true)
        #expect(token.lifetimeSource == .documented)
    }

    @Test("failed renewals back off: 30 s, 60 s, 120 s ... never a loop")
    func failedRenewalsBackOff() async {
        let failing = Mutex(false)
        let (count, wakes) = await autoRefreshExchanges(in: 3600) { now in
            if failing.withLock({ $0 }) {
                throw ChargEyeError.http(.init(request: .init(method: "GET", path: "/auth/refreshAccessToken"), status: 503))
            }
            failing.withLock { $0 = true }
            return TokenAnswer(token: jwt(exp: nil), validUntil: .date(now.addingTimeInterval(600)), serverDate: now)
        }
        // Due a tenth of the 600 s lifetime before expiry, then 30, 60, 120, 240, 480, 960 s after each failure.
        #expect(wakes.map { $0.timeIntervalSince(start) }.prefix(7) == [540, 570, 630, 750, 990, 1470, 2430])
        #expect(count == 8)
    }

    @Test("missing, malformed and numeric validUntil: timed by the JWT's exp, the reason stated")
    func unusableValidUntilUsesExp() async throws {
        let cases: [(TokenAnswer.ValidUntil, String)] = [
            (.missing, "the server's token answer has no validUntil"),
            (.unreadable("next tuesday"), "the server's validUntil \"next tuesday\" is not a date"),
            (.number(1_800_028_800), "the server's validUntil is a number (1800028800), not a date"),
        ]
        for (validUntil, reason) in cases {
            let (count, manager, _) = await exchanges(in: 120) { now in
                TokenAnswer(token: jwt(exp: now.addingTimeInterval(7200)), validUntil: validUntil, serverDate: now)
            }
            #expect(count == 1)
            let state = await manager.currentState
            #expect(state.lifetimeSource == .jwtExpiry)
            #expect(state.validUntil == start.addingTimeInterval(7200))
            #expect(state.problem == reason + "; timing renewal by the token's own expiry (exp)")
        }
    }

    @Test("no usable validUntil and a JWT without exp: the documented 8 hours")
    func noEvidenceAssumesEightHours() async throws {
        let (count, manager, _) = await exchanges(in: 120) { now in
            TokenAnswer(token: Secret("opaque-token"), validUntil: .missing, serverDate: now)
        }
        #expect(count == 1)
        let state = await manager.currentState
        #expect(state.lifetimeSource == .documented)
        #expect(state.validUntil == start.addingTimeInterval(28_800))
        #expect(state.problem == "the server's token answer has no validUntil; assuming the documented 8 h")
    }

    @Test("a Date header far off: the lifetime counts from the server's clock when that is plausible, else from ours")
    func farOffDateHeader() async throws {
        // The server's clock is a day ahead and its validUntil 8 h after its own Date.
        let ahead = await exchanges(in: 0) { now in
            TokenAnswer(token: jwt(exp: nil), validUntil: .date(now.addingTimeInterval(86_400 + 28_800)), serverDate: now.addingTimeInterval(86_400))
        }
        #expect(try await ahead.manager.validToken().expiresAt == start.addingTimeInterval(28_800))
        // The server's Date is nonsense (the year 2000) but its validUntil agrees with our clock.
        let broken = await exchanges(in: 0) { now in
            TokenAnswer(token: jwt(exp: nil), validUntil: .date(now.addingTimeInterval(28_800)), serverDate: Date(timeIntervalSince1970: 946_684_800))
        }
        let token = try await broken.manager.validToken()
        #expect(token.expiresAt == start.addingTimeInterval(28_800))
        #expect(token.lifetimeSource == .validUntil)
    }

    @Test("a validUntil implausibly far ahead is not trusted")
    func farFutureValidUntil() async throws {
        let (_, manager, _) = await exchanges(in: 0) { now in
            TokenAnswer(token: jwt(exp: nil), validUntil: .date(now.addingTimeInterval(100 * 365 * 86_400)), serverDate: now)
        }
        let token = try await manager.validToken()
        #expect(token.lifetimeSource == .documented)
        #expect(token.problem?.hasPrefix("the server's validUntil (") == true)
    }

    @Test("renewing by hand within the floor keeps the current token and says when it may renew")
    func manualRenewalIsFloored() async throws {
        let (clock, exchange) = eightHourExchanges()
        let manager = manager(exchange)
        let first = try await manager.refresh()
        clock.advance(by: 10)
        #expect(try await manager.refresh() == first)
        #expect(exchange.calls == 1)
        #expect(await manager.currentState.earliestRenewal == start.addingTimeInterval(30))
        clock.advance(by: 20)
        #expect(try await manager.refresh() != first)
        #expect(exchange.calls == 2)
    }

    @Test("a 401 still renews at once, whatever the floor says")
    func rejectionIgnoresFloor() async throws {
        let (clock, exchange) = eightHourExchanges()
        let manager = manager(exchange)
        let first = try await manager.validToken()
        clock.advance(by: 1)
        let second = try await manager.replaceRejected(first)
        #expect(second != first)
        #expect(exchange.calls == 2)
    }
}
