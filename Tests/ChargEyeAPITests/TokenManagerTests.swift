import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Testing

@Suite("Token lifecycle over loopback HTTP")
struct TokenManagerTests {
    @Test("the first call obtains a token; later calls reuse it without another refresh")
    func tokenIsCachedInMemory() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator)
            _ = try await client.locations()
            _ = try await client.locations()
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 1)
            #expect(simulator.requestCounts["/locations"] == 2)
        }
    }

    @Test("50 concurrent calls share exactly one token exchange")
    func concurrentCallsShareOneRefresh() async throws {
        try await withSimulator({ $0.faults = FaultSettings(latencyMs: 150) }) { simulator in
            let requests = Recorder<RequestRecord>()
            // What is counted here is exchanges, not time: in a full parallel test run on two
            // cores, 50 calls queued behind the suite's large fleets once waited past 30 s.
            let client = try makeClient(simulator, timeout: 180, requests: requests)
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<50 { group.addTask { try await client.locations().count } }
                for try await count in group { #expect(count == 40) }
            }
            // One exchange (a loaded machine may make the transport retry it: attempts 2 and 3 of the same one).
            let exchanges = requests.values.filter(\.isTokenExchange)
            #expect(exchanges.filter { $0.attempt == 1 }.count == 1)
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == exchanges.count)
            // 50 calls, plus any retries of them, each one a recorded attempt.
            let calls = requests.values.filter { !$0.isTokenExchange }
            #expect(calls.filter { $0.attempt == 1 }.count == 50)
            #expect(simulator.requestCounts["/locations"] ?? 0 <= calls.count)
        }
    }

    @Test("a short token is renewed when due, but never within 30 s of the last renewal")
    func proactiveRefreshOfShortToken() async throws {
        try await withSimulator({ $0.tokenTTL = 3 }) { simulator in
            let clock = TestClock()
            let client = try makeClient(simulator, now: clock.function)
            let (first, took) = try await timed { try await client.tokens.validToken() }
            // 3 s as the server counts it; the frozen test clock, the Date header's whole seconds
            // and the exchange's own time (long on a loaded machine) blur it.
            #expect(first.lifetime > 1 && first.lifetime < 6 + took)
            clock.set(first.expiresAt.addingTimeInterval(-1))  // more than a tenth of the lifetime left
            #expect(try await client.tokens.validToken() == first)
            clock.set(first.expiresAt.addingTimeInterval(-0.2))  // inside the last tenth, but within the 30 s floor
            #expect(try await client.tokens.validToken() == first)
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 1)
            clock.set(first.obtainedAt.addingTimeInterval(30))
            let second = try await client.tokens.validToken()
            #expect(second != first)
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 2)
        }
    }

    @Test("tokens that arrive already expired: one exchange for a minute of calls, timed by the JWT's exp")
    func alreadyExpiredTokensOverHTTP() async throws {
        try await withSimulator { simulator in
            let jwt = try await makeClient(simulator).tokens.validToken().value
            simulator.addFault(FaultRule(
                path: "/auth/refreshAccessToken", status: 200,
                body: #"{"token":"\#(jwt)","validUntil":"2020-01-01T00:00:00.000Z"}"#
            ))
            let clock = TestClock()
            let client = try makeClient(simulator, now: clock.function)
            for _ in 0..<20 {
                #expect(try await client.locations().count == 40)
                clock.advance(by: 3)
            }
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 2)  // the first client's and this one's
            let state = await client.tokens.currentState
            #expect(state.lifetimeSource == .jwtExpiry)
            #expect(state.problem == "the server's tokens arrive already expired (valid until 2020-01-01 00:00 UTC); using them until refused")
        }
    }

    @Test("validUntil missing, not a date, a number or null: calls still work, the reason is kept")
    func unusableValidUntilOverHTTP() async throws {
        try await withSimulator { simulator in
            let started = Date()
            let issued = try await makeClient(simulator).tokens.validToken()
            let jwt = issued.value
            let answers = [
                (#"{"token":"\#(jwt)"}"#, "no validUntil"),
                (#"{"token":"\#(jwt)","validUntil":"next tuesday"}"#, "\"next tuesday\" is not a date"),
                (#"{"token":"\#(jwt)","validUntil":1767225600}"#, "is a number"),
                (#"{"token":"\#(jwt)","validUntil":null}"#, "no validUntil"),
            ]
            for (body, reason) in answers {
                simulator.addFault(FaultRule(path: "/auth/refreshAccessToken", status: 200, body: body, times: 1))
                let client = try makeClient(simulator)
                let token = try await client.tokens.validToken()
                #expect(try await client.locations().count == 40)
                #expect(token.lifetimeSource == .jwtExpiry)
                // The JWT's own exp: later by the time since the first was issued (long on a loaded
                // machine), each side off by at most its Date header's slack.
                #expect(abs(token.expiresAt.timeIntervalSince(issued.expiresAt)) < 4 + Date().timeIntervalSince(started))
                #expect(token.problem?.contains(reason) == true, "\(body)")
            }
        }
    }

    @Test("an answer without a token is a clear error naming the field")
    func answerWithoutToken() async throws {
        try await withSimulator { simulator in
            simulator.addFault(FaultRule(path: "/auth/refreshAccessToken", status: 200, body: #"{"validUntil":"2030-01-01T00:00:00Z"}"#))
            // A generous time limit: on a loaded machine a first attempt that timed out would be
            // retried, and the count below is about not retrying a bad answer.
            let client = try makeClient(simulator, timeout: 60)
            let error = await chargEyeError { try await client.locations() }
            #expect(error?.description.hasPrefix("GET /auth/refreshAccessToken returned data chargeye cannot read at `token`: missing") == true)
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 1)
        }
    }

    @Test("a 401 on a resource call leads to one refresh and one replay")
    func unauthorizedTriggersOneRefreshAndReplay() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator)
            _ = try await client.tokens.validToken()
            simulator.addFault(FaultRule(path: "/locations", status: 401, times: 1))
            let locations = try await client.locations()
            #expect(locations.count == 40)
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 2)
            #expect(simulator.requestCounts["/locations"] == 2)
        }
    }

    @Test("a second 401 is a permission error, not a loop")
    func secondUnauthorizedIsPermissionDenied() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator)
            simulator.addFault(FaultRule(path: "/locations", status: 401, body: #"{"errorMessage":"No permission for locations"}"#))
            let error = await chargEyeError { try await client.locations() }
            guard case .permissionDenied(let failure)? = error else {
                Issue.record("expected permissionDenied, got \(String(describing: error))")
                return
            }
            #expect(failure.serverMessage == "No permission for locations")
            #expect(simulator.requestCounts["/locations"] == 2)
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 2)
        }
    }

    @Test("a wrong refresh token gives its own error, with exactly one request")
    func wrongRefreshTokenIsDistinct() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator, refreshToken: "not-the-right-token")
            let error = await chargEyeError { try await client.locations() }
            guard case .refreshTokenRejected(let failure)? = error else {
                Issue.record("expected refreshTokenRejected, got \(String(describing: error))")
                return
            }
            #expect(failure.status == 401)
            #expect(failure.serverMessage == "Invalid refresh token")
            #expect(error?.description.contains("new refresh token") == true)
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 1)
            #expect(simulator.requestCounts["/locations"] == nil)
        }
    }

    @Test("the refresh call is retried on 503 like any GET")
    func refreshIsRetriedOnServerError() async throws {
        try await withSimulator { simulator in
            simulator.addFault(FaultRule(path: "/auth/refreshAccessToken", status: 503, times: 2))
            let client = try makeClient(simulator)
            _ = try await client.tokens.validToken()
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 3)
        }
    }

    @Test("the expiry is corrected when this machine's clock is off from the server's")
    func clockSkewIsCorrected() async throws {
        try await withSimulator { simulator in
            let skew: TimeInterval = -7200  // our clock is two hours behind the server's
            let clock = TestClock(Date().addingTimeInterval(skew))
            let client = try makeClient(simulator, now: clock.function)
            let (token, took) = try await timed { try await client.tokens.validToken() }
            let expected = clock.now.addingTimeInterval(28_800)
            // Against a 2-hour skew; the slack is the Date header's whole second, the server's
            // once-a-second Date cache, and the time the answer took to arrive.
            #expect(abs(token.expiresAt.timeIntervalSince(expected)) < 2 + took)
            #expect(abs(token.lifetime - 28_800) < 2 + took)
        }
    }

    @Test("state updates report refreshing, then the new expiry")
    func stateUpdatesDuringRefresh() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator)
            var iterator = await client.tokens.updates().makeAsyncIterator()
            #expect(await iterator.next()?.validUntil == nil)
            async let token = client.tokens.validToken()
            #expect(await iterator.next()?.isRefreshing == true)
            let settled = await iterator.next()
            #expect(settled?.isRefreshing == false)
            #expect(settled?.validUntil == (try await token).expiresAt)
        }
    }
}
