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

    @Test("50 concurrent calls share exactly one refresh request")
    func concurrentCallsShareOneRefresh() async throws {
        try await withSimulator({ $0.faults = FaultSettings(latencyMs: 150) }) { simulator in
            let client = try makeClient(simulator)
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<50 { group.addTask { try await client.locations().count } }
                for try await count in group { #expect(count == 40) }
            }
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 1)
            #expect(simulator.requestCounts["/locations"] == 50)
        }
    }

    @Test("a token is renewed a tenth of its lifetime before expiry when that is under 5 minutes")
    func proactiveRefreshOfShortToken() async throws {
        try await withSimulator({ $0.tokenTTL = 3 }) { simulator in
            let clock = TestClock()
            let client = try makeClient(simulator, now: clock.function)
            let first = try await client.tokens.validToken()
            #expect(abs(first.lifetime - 3) < 1.1)
            clock.set(first.expiresAt.addingTimeInterval(-1))  // more than a tenth of the lifetime left
            #expect(try await client.tokens.validToken() == first)
            clock.set(first.expiresAt.addingTimeInterval(-0.2))  // inside the last tenth (0.3 s)
            let second = try await client.tokens.validToken()
            #expect(second != first)
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 2)
            clock.set(second.expiresAt.addingTimeInterval(-1))
            #expect(try await client.tokens.validToken() == second)
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 2)
        }
    }

    @Test("auto-refresh renews a 3-second token by itself, without a refresh loop", .timeLimit(.minutes(1)))
    func autoRefreshRenewsShortToken() async throws {
        try await withSimulator({ $0.tokenTTL = 3 }) { simulator in
            let client = try makeClient(simulator)
            let first = try await client.tokens.validToken()
            let loop = Task { await client.tokens.runAutoRefresh() }
            var renewed: TokenState?
            for await state in await client.tokens.updates() {
                if let until = state.validUntil, until > first.expiresAt, !state.isRefreshing {
                    renewed = state
                    break
                }
            }
            loop.cancel()
            let refreshes = try #require(simulator.requestCounts["/auth/refreshAccessToken"])
            #expect(renewed != nil)
            #expect(refreshes >= 2 && refreshes <= 3)
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
            let token = try await client.tokens.validToken()
            let expected = clock.now.addingTimeInterval(28_800)
            #expect(abs(token.expiresAt.timeIntervalSince(expected)) < 2.5)
            #expect(abs(token.lifetime - 28_800) < 2.5)
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
