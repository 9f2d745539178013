import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Testing

/// Words that belong to Swift or the OpenAPI runtime, never to a message for people.
private let internals = ["undocumented(", "Optional(", "OpenAPIRuntime", "Swift.", "HTTPFields", "statusCode:", "UndocumentedPayload"]

@Suite("Every answer explained in plain words")
struct StatusAnswerTests {
    @Test("every status from 100 to 599 on a read: the status and its reason named, no runtime internals, retried only when it may help")
    func everyStatus() async throws {
        try await withSimulator { simulator in
            let clock = TestClock()
            let client = try makeClient(simulator, timeout: 20, clock: clock)
            _ = try await client.tokens.validToken()
            // 101 switches protocols and then waits: it ends in a timeout, tested elsewhere.
            for status in (100...599).filter({ $0 != 101 }) {
                simulator.faultSettings = FaultSettings(rules: [FaultRule(path: "/locations", status: status)])
                simulator.resetRequestCounts()
                let error = await chargEyeError { try await client.locations() }
                let text = error?.description ?? ""
                #expect(!internals.contains { text.contains($0) }, "\(status): \(text)")
                switch status {
                case 100..<200:
                    // The platform's HTTP stack reads a 1xx as an interim answer and the rest as garbage.
                    #expect(text.contains("was not valid HTTP"), "\(status): \(text)")
                case 200:
                    #expect(text.contains("cannot read at `locations`"), "\(text)")
                default:
                    let named = ChargEyeError.statusText(status)
                    #expect(text.contains(named), "\(status): \(text)")
                    #expect(!HTTPStatusText.reason(status).isEmpty || named.contains("unassigned"), "\(named)")
                }
                let retried = [429, 500, 502, 503, 504].contains(status)
                #expect(error?.isRetryable == retried, "\(status)")
                #expect(simulator.requestCounts["/locations"] == (retried ? 3 : status == 401 ? 2 : 1), "\(status)")
            }
        }
    }

    @Test("a redirect without a Location says so and is not retried; 304 is explained")
    func redirectsWithoutLocation() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator, clock: TestClock())
            simulator.addFault(FaultRule(path: "/locations", status: 302))
            let error = await chargEyeError { try await client.locations() }
            // The server's own words come along (the old URLSession transport dropped this body).
            #expect(error?.summary == #"GET /locations failed: HTTP 302 Found without a Location header: "Injected fault: 302 Found""#)
            #expect(error?.advice == "A redirect must say where to; the server, or a proxy in between, is misbehaving; check --base-url")
            #expect(simulator.requestCounts["/locations"] == 1)
            simulator.faultSettings = FaultSettings(rules: [FaultRule(path: "/locations", status: 304, body: "")])
            let notModified = await chargEyeError { try await client.locations() }
            #expect(notModified?.summary == "GET /locations failed: HTTP 304 Not Modified")
            #expect(notModified?.advice?.hasPrefix("Not Modified answers a conditional request, which chargeye never asks for") == true)
        }
    }

    @Test("a redirect loop on the same server is named and not retried: one request")
    func redirectLoop() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator, clock: TestClock())
            _ = try await client.tokens.validToken()
            let itself = simulator.baseURL.absoluteString + "/locations"
            simulator.addFault(FaultRule(path: "/locations", status: 302, headers: ["Location": itself]))
            let error = await chargEyeError { try await client.locations() }
            #expect(error?.summary.hasPrefix("GET /locations failed: redirect loop: 127.0.0.1 kept redirecting the request") == true, "\(String(describing: error))")
            #expect(error?.isRetryable == false)
            #expect(simulator.requestCounts["/locations"] == 1)
            // A round trip through a second path is a loop too.
            simulator.faultSettings = FaultSettings(rules: [
                FaultRule(path: "/locations", status: 307, headers: ["Location": simulator.baseURL.absoluteString + "/elsewhere"]),
                FaultRule(path: "/elsewhere", status: 307, headers: ["Location": itself]),
            ])
            simulator.resetRequestCounts()
            let roundTrip = await chargEyeError { try await client.locations() }
            #expect(roundTrip?.shortReason.hasPrefix("redirect loop") == true)
            #expect(simulator.requestCounts["/locations"] == 1 && simulator.requestCounts["/elsewhere"] == 1)
        }
    }

    @Test("the raw console GET shows any success as it is")
    func rawGetTakesAnySuccess() async throws {
        try await withSimulator { simulator in
            let client = try makeClient(simulator)
            simulator.addFault(FaultRule(path: "/nothing", status: 204, body: ""))
            let response = try await client.get(path: "/nothing")
            #expect(response.status == 204)
            #expect(response.body.isEmpty)
        }
    }

    @Test("a call stopped on purpose is recorded and logged as cancelled, not as a failure")
    func cancelledCall() async throws {
        try await withSimulator { simulator in
            let requests = Recorder<RequestRecord>()
            let client = try makeClient(simulator, requests: requests)
            _ = try await client.tokens.validToken()
            simulator.addFault(FaultRule(path: "/locations", status: 200, delayMs: 10_000))
            let call = Task { try await client.locations() }
            while simulator.requestCounts["/locations"] == nil { try await Task.sleep(for: .milliseconds(10)) }
            call.cancel()
            _ = await call.result
            let record = try #require(requests.values.last)
            #expect(record.path == "/locations")
            #expect(record.outcome == "cancelled")
            #expect(record.status == nil)
        }
    }
}
