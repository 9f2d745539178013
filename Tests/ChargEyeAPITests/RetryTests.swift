import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Glibc
import Testing

@Suite("Retries and failures over loopback HTTP")
struct RetryTests {
    // The real wiring, on the real clock: the waits happen (a lower bound only, so load cannot fail it).
    @Test("503 twice then 200 succeeds, with both retries reported and backoff within the policy")
    func transientFailuresAreRetried() async throws {
        try await withSimulator { simulator in
            let events = Recorder<RetryEvent>()
            let client = try makeClient(simulator, retryEvents: events)
            _ = try await client.tokens.validToken()
            simulator.addFault(FaultRule(path: "/locations", status: 503, times: 2))
            let started = Date()
            #expect(try await client.locations().count == 40)
            let elapsed = Date().timeIntervalSince(started)
            #expect(simulator.requestCounts["/locations"] == 3)
            #expect(events.values.map(\.nextAttempt) == [2, 3])
            #expect(events.values.allSatisfy { $0.maxAttempts == 3 && $0.reason == "HTTP 503" })
            #expect(events.values[0].delay <= 0.25 && events.values[1].delay <= 0.5)
            #expect(elapsed >= events.values.map(\.delay).reduce(0, +))
        }
    }

    @Test("the error after the last attempt says how many attempts were made", arguments: [500, 502, 503, 504])
    func exhaustedRetries(status: Int) async throws {
        try await withSimulator { simulator in
            let clock = TestClock()
            let client = try makeClient(simulator, clock: clock)
            simulator.addFault(FaultRule(path: "/locations", status: status))
            let error = await chargEyeError { try await client.locations() }
            #expect(error?.status == status)
            #expect(error?.attempts == 3)
            #expect(error?.isRetryable == true)
            #expect(simulator.requestCounts["/locations"] == 3)
            // Full jitter under the policy's ceilings: 0.25 s, then 0.5 s.
            #expect(clock.waits.count == 2 && clock.waits[0] <= 0.25 && clock.waits[1] <= 0.5)
        }
    }

    @Test("the deadline stops the retries: no wait may end past it")
    func deadlineEndsRetries() async throws {
        try await withSimulator { simulator in
            let clock = TestClock()
            let client = try makeClient(simulator, retry: RetryPolicy(maxAttempts: 10, baseDelay: 4, maxDelay: 8, deadline: 20), clock: clock)
            _ = try await client.tokens.validToken()
            simulator.addFault(FaultRule(path: "/locations", status: 503))
            let started = clock.now
            let error = await chargEyeError { try await client.locations() }
            #expect(error?.attempts == clock.waits.count + 1)
            #expect(clock.now.timeIntervalSince(started) < 20)
            #expect(simulator.requestCounts["/locations"] == clock.waits.count + 1)
        }
    }

    @Test("400, 403 and 404 are not retried", arguments: [400, 403, 404])
    func clientErrorsAreNotRetried(status: Int) async throws {
        try await withSimulator { simulator in
            let events = Recorder<RetryEvent>()
            let client = try makeClient(simulator, retryEvents: events)
            simulator.addFault(FaultRule(path: "/locations", status: status, body: #"{"errorMessage":"nope"}"#))
            let error = await chargEyeError { try await client.locations() }
            guard case .http(let failure)? = error else {
                Issue.record("expected an HTTP failure, got \(String(describing: error))")
                return
            }
            #expect(failure.status == status)
            #expect(failure.serverMessage == "nope")
            #expect(failure.attempts == 1)
            #expect(error?.isRetryable == false)
            #expect(events.values.isEmpty)
            #expect(simulator.requestCounts["/locations"] == 1)
        }
    }

    @Test("Retry-After is honoured on 429, exactly")
    func retryAfterIsHonoured() async throws {
        try await withSimulator { simulator in
            let events = Recorder<RetryEvent>()
            let clock = TestClock()
            let client = try makeClient(simulator, clock: clock, retryEvents: events)
            _ = try await client.tokens.validToken()
            simulator.addFault(FaultRule(path: "/locations", status: 429, retryAfter: "7", times: 1))
            _ = try await client.locations()
            #expect(clock.waits == [7])
            #expect(events.values.map(\.delay) == [7])
            #expect(events.values.first?.reason == "HTTP 429")
        }
    }

    @Test("a Retry-After longer than the deadline fails at once, naming the wait")
    func longRetryAfterIsNotWaitedOut() async throws {
        try await withSimulator { simulator in
            let clock = TestClock()
            let client = try makeClient(simulator, clock: clock)
            simulator.addFault(FaultRule(path: "/locations", status: 429, retryAfter: "3600"))
            let error = await chargEyeError { try await client.locations() }
            #expect(clock.waits.isEmpty)
            guard case .http(let failure)? = error else {
                Issue.record("expected an HTTP failure, got \(String(describing: error))")
                return
            }
            #expect(failure.retryAfter == 3600)
            #expect(failure.retryAfterExceedsDeadline)
            #expect(error?.description.contains("1 h 0 min") == true)
            #expect(simulator.requestCounts["/locations"] == 1)
        }
    }

    @Test("a server that does not answer in time fails with a timeout")
    func slowServerTimesOut() async throws {
        try await withSimulator { simulator in
            // The token comes with the usual timeout (a loaded machine may take over 2 s for it)
            // and reaches the 2-second client through the cache.
            let directory = try temporaryDirectory()
            _ = try await makeClient(simulator, cacheDirectory: directory).tokens.validToken()
            let client = try makeClient(simulator, cacheDirectory: directory, retry: .none, timeout: 2)
            simulator.addFault(FaultRule(path: "/locations", status: 200, delayMs: 90_000))
            let started = Date()
            let error = await chargEyeError { try await client.locations() }
            // The answer would come after 90 s. The timeout fires at 2 s, but the call returns
            // only once URLSession has let go of the request, which took up to 27 s on a loaded
            // machine (parallel runs); issue 23's transport is to end that wait.
            #expect(Date().timeIntervalSince(started) < 60)
            guard case .transport(let failure)? = error, case .timeout = failure.kind else {
                Issue.record("expected a timeout, got \(String(describing: error))")
                return
            }
            #expect(error?.description.contains("no answer from 127.0.0.1 within 2 s") == true)
        }
    }

    @Test("a refused connection is reported in plain words after the retries")
    func connectionRefused() async throws {
        // A port bound but not listening refuses connections, and nobody else can take it meanwhile.
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        var configuration = ChargEyeConfiguration(baseURL: URL(string: "http://127.0.0.1:\(port)/api")!, refreshToken: Secret("demo"))
        configuration.tokenCacheDirectory = nil
        configuration.retryPolicy = RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.01, deadline: 5)
        let clock = TestClock()
        configuration.now = clock.function
        configuration.sleep = clock.sleep
        let client = try ChargEyeClient(configuration: configuration)
        let error = await chargEyeError { try await client.locations() }
        guard case .transport(let failure)? = error else {
            Issue.record("expected a transport failure, got \(String(describing: error))")
            return
        }
        #expect(failure.kind == .connectionRefused)
        #expect(failure.attempts == 2)
        #expect(clock.waits.count == 1)  // the token exchange's retry only: the call does not repeat it
        #expect(error?.description.contains("cannot connect to 127.0.0.1") == true)
    }

    @Test("a redirect to another host is not followed, so the token cannot leak there")
    func crossHostRedirectIsRefused() async throws {
        try await withSimulator { elsewhere in
            try await withSimulator { simulator in
                let client = try makeClient(simulator)
                _ = try await client.tokens.validToken()
                let target = elsewhere.baseURL.absoluteString.replacingOccurrences(of: "127.0.0.1", with: "localhost") + "/locations"
                simulator.addFault(FaultRule(path: "/locations", status: 302, headers: ["Location": target]))
                let error = await chargEyeError { try await client.locations() }
                #expect(error?.status == 302)
                #expect(error?.description.contains("redirected") == true)
                #expect(elsewhere.requestCounts.isEmpty)
            }
        }
    }

    @Test("a redirect within the same server is followed")
    func sameHostRedirectIsFollowed() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator)
            simulator.addFault(FaultRule(path: "/old-locations", status: 307, headers: ["Location": simulator.baseURL.absoluteString + "/locations"]))
            let response = try await client.get(path: "/old-locations")
            #expect(response.status == 200)
            #expect(simulator.requestCounts["/locations"] == 1)
        }
    }

    @Test("a response over the size limit fails clearly")
    func responseSizeIsBounded() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator, maxResponseBytes: 4096)
            let error = await chargEyeError { try await client.locations() }
            guard case .responseTooLarge(let request, let limit)? = error else {
                Issue.record("expected responseTooLarge, got \(String(describing: error))")
                return
            }
            #expect(request.path == "/locations")
            #expect(limit == 4096)
        }
    }

    @Test("an HTML error page is summarised by its title, sanitized")
    func nonJSONErrorBody() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator, retry: .none)
            let page = "<html><head><title>502 Bad\u{1B}]0;pwned\u{07} Gateway</title></head><body><h1>nginx</h1></body></html>"
            simulator.addFault(FaultRule(path: "/locations", status: 500, body: page, contentType: "text/html"))
            let error = await chargEyeError { try await client.locations() }
            guard case .http(let failure)? = error else {
                Issue.record("expected an HTTP failure, got \(String(describing: error))")
                return
            }
            #expect(failure.serverMessage == nil)
            #expect(failure.bodyExcerpt == "502 Bad Gateway")
            #expect(error?.description.contains("HTTP 500 Internal Server Error") == true)
        }
    }
}
