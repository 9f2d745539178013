import ChargEyeAPI
import ChargEyeUsage
import Foundation
import Synchronization
import Testing
@testable import ViewModels

/// A service whose reads do what each test says, reporting on the side as the API core does
/// (through the observers, from inside the call's task).
private final class FakeService: BrowserService {
    let events: ServiceEvents
    private let read: @Sendable (APIRequest, ServiceEvents, @escaping @Sendable (LocationsSoFar) -> Void) async throws -> APIResponse
    let sawCancel = Mutex(false)

    init(events: ServiceEvents, read: @escaping @Sendable (APIRequest, ServiceEvents, @escaping @Sendable (LocationsSoFar) -> Void) async throws -> APIResponse) {
        self.events = events
        self.read = read
    }

    func perform(_ request: APIRequest, onPart: @escaping @Sendable (LocationsSoFar) -> Void) async throws -> APIResponse {
        do {
            return try await read(request, events, onPart)
        } catch is CancellationError where Task.isCancelled {
            sawCancel.withLock { $0 = true }
            throw CancellationError()
        }
    }

    func readFleet(progress: @escaping @Sendable (FleetProgress) -> Void) async throws -> FleetStations {
        guard case .fleet(let read) = try await perform(.fleet, onPart: { _ in }) else { throw CancellationError() }
        return read
    }

    func get(path: String) async throws -> RawResponse {
        try await Task.sleep(for: .seconds(60))
        return RawResponse(path: path, status: 200, contentType: nil, body: Data(), duration: .zero)
    }

    func usageHistory(
        _ scope: UsageScope, period: DateInterval, onStations: @escaping @Sendable ([String], [String: Int]) -> Void,
        onPage: @escaping @Sendable (TransactionHistory.StationHistory) -> Void
    ) async throws {
        try await Task.sleep(for: .seconds(60))
    }

    func refreshToken() async throws {}
    func setFaults(on: Bool) async throws {}
    func tokenUpdates() async -> AsyncStream<TokenState> { AsyncStream { $0.finish() } }
    func keepTokenFresh() async {}
    func writeHandoff(_ text: String) async throws -> String { "/dev/null" }
    func log(_ text: String) {}
}

/// Collects the inbox until `done` holds for what arrived (or 10 s pass).
private func collect(_ inbox: Inbox, until done: ([Message]) -> Bool) async throws -> [Message] {
    var messages: [Message] = []
    let deadline = ContinuousClock.now + .seconds(10)
    while !done(messages), ContinuousClock.now < deadline {
        messages += inbox.drain()
        try await Task.sleep(for: .milliseconds(5))
    }
    return messages + inbox.drain()
}

private let record = RequestRecord(
    at: Fixtures.start, method: "GET", path: "/locations", url: "https://x/locations", status: 200, outcome: "HTTP 200",
    milliseconds: 1, attempt: 1, isReplay: false, bytes: 2, isTokenExchange: false
)

@Suite("The effect runner: tagged, cancellable work")
struct EffectRunnerTests {
    @Test("a load's parts, retry progress, request record, warning and reply all come back tagged with its id")
    func taggedEvents() async throws {
        let inbox = Inbox()
        let service = FakeService(events: ServiceEvents(inbox: inbox)) { _, events, onPart in
            onPart(LocationsSoFar(locations: LocationTable(Fixtures.locations)))
            events.retry(RetryEvent(request: .init(method: "GET", path: "/locations"), nextAttempt: 2, maxAttempts: 3, delay: 0, reason: "HTTP 503", scheduledAt: Fixtures.start))
            events.request(record)
            events.warning("odd answer")
            return .locationsStreamed(count: 4)
        }
        let runner = EffectRunner(service: service, inbox: inbox, clipboard: { _ in })
        let id = RequestID(7)
        runner.run(.load(id, .locations))
        let messages = try await collect(inbox) { $0.contains { if case .loaded = $0 { true } else { false } } }
        var tags: [String: RequestID?] = [:]
        for message in messages {
            switch message {
            case .loadedPart(let tag, _): tags["part"] = tag
            case .retryScheduled(let tag, _): tags["retry"] = tag
            case .requestLogged(let tag, _): tags["record"] = tag
            case .warning(let tag, _): tags["warning"] = tag
            case .loaded(let tag, .success(.locationsStreamed(4))): tags["reply"] = tag
            default: Issue.record("unexpected \(message)")
            }
        }
        #expect(tags.count == 5)
        #expect(tags.values.allSatisfy { $0 == id })
    }

    @Test("a cancelled load stops the service's work and posts nothing")
    func cancel() async throws {
        let inbox = Inbox()
        let service = FakeService(events: ServiceEvents(inbox: inbox)) { _, _, _ in
            try await Task.sleep(for: .seconds(60))
            return .vehicles([])
        }
        let runner = EffectRunner(service: service, inbox: inbox, clipboard: { _ in })
        runner.run(.load(RequestID(1), .vehicles(locationUid: "L1")))
        runner.run(.cancel(RequestID(1)))
        let deadline = ContinuousClock.now + .seconds(10)
        while !service.sawCancel.withLock({ $0 }), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(service.sawCancel.withLock { $0 })
        try await Task.sleep(for: .milliseconds(50))
        #expect(inbox.drain().isEmpty)
        #expect(runner.callsInFlight == 0)
    }

    @Test("a CancellationError nobody asked for is a failure, not silence (no request left loading)")
    func strayCancellation() async throws {
        let inbox = Inbox()
        let service = FakeService(events: ServiceEvents(inbox: inbox)) { _, _, _ in throw CancellationError() }
        let runner = EffectRunner(service: service, inbox: inbox, clipboard: { _ in })
        runner.run(.load(RequestID(3), .stations(locationUid: "L1")))
        let messages = try await collect(inbox) { !$0.isEmpty }
        guard case .loaded(RequestID(3), .failure(let error))? = messages.first else {
            Issue.record("expected a failure, got \(messages)")
            return
        }
        #expect(error.request?.description == "GET /stations?locationUid=L1")
    }

    @Test("the clipboard is written through the runner, which then says so")
    func clipboard() async throws {
        let inbox = Inbox()
        let copies = Mutex<[String]>([])
        let runner = EffectRunner(service: FakeService(events: ServiceEvents(inbox: inbox)) { _, _, _ in .vehicles([]) }, inbox: inbox, clipboard: { text in copies.withLock { $0.append(text) } })
        runner.run(.copyToClipboard("L4"))
        #expect(copies.withLock { $0 } == ["L4"])
        guard case .copied("L4")? = inbox.drain().first else {
            Issue.record("expected .copied")
            return
        }
    }

    @Test("state and runner together: Esc on a slow first load cancels it; the state is idle again")
    func stateAndRunner() async throws {
        let inbox = Inbox()
        let service = FakeService(events: ServiceEvents(inbox: inbox)) { _, _, _ in
            try await Task.sleep(for: .seconds(60))
            return .locationsStreamed(count: 0)
        }
        let runner = EffectRunner(service: service, inbox: inbox, clipboard: { _ in })
        var state = AppState(connectionLabel: "t", isDemo: false, now: Fixtures.start, timeZone: Fixtures.utc)
        state.start().forEach(runner.run)
        #expect(runner.callsInFlight == 1)
        state.update(.keyPressed(.escape)).forEach(runner.run)
        #expect(runner.callsInFlight == 0)
        let deadline = ContinuousClock.now + .seconds(10)
        while !service.sawCancel.withLock({ $0 }), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(service.sawCancel.withLock { $0 })
        #expect(state.requests.entries.isEmpty)
        #expect(state.listPane.emptyText == "not loaded: Ctrl-R loads")
    }
}
