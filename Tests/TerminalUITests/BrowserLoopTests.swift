import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Testing
import TerminalUI
import ViewModels

@Suite("The run loop with a scripted terminal, against the simulator")
struct BrowserLoopTests {
    private func run(_ script: [ScriptedTerminal.Step], demoFaults: Bool = false, width: Int = 100, height: Int = 30) async throws -> (ScriptedTerminal, AppState) {
        let simulator = try await Simulator.start()
        var configuration = ChargEyeConfiguration(baseURL: simulator.baseURL, refreshToken: Secret("demo"))
        configuration.tokenCacheDirectory = nil
        configuration.retryPolicy = RetryPolicy(maxAttempts: 2, baseDelay: 0.05, maxDelay: 0.1, deadline: 5)
        let inbox = Inbox()
        configuration.retryObserver = ServiceEvents(inbox: inbox).retry
        let client = try ChargEyeClient(configuration: configuration)
        let service = ClientService(client: client, faultSwitch: { on in
            simulator.faultSettings = on ? FaultSettings(rules: [FaultRule(path: "/stations", status: 503)]) : FaultSettings()
        }, handoffWriter: { _ in "/dev/null" })
        // The loop runs on a thread of its own (it blocks in poll), like the real one; the test
        // reads the terminal and state only after it has finished.
        nonisolated(unsafe) let terminal = ScriptedTerminal(width: width, height: height, script: script)
        let state = AppState(connectionLabel: "test", isDemo: true, now: Date())
        nonisolated(unsafe) let loop = BrowserLoop(state: state, terminal: terminal, runner: EffectRunner(service: service, inbox: inbox, clipboard: terminal.clipboard), inbox: inbox, glyphs: .unicode)
        try await Task.detached { try loop.run() }.value
        await simulator.stop()
        return (terminal, loop.currentState)
    }

    @Test("browse, drill in, fail with faults on, retry after faults off, quit: the terminal is restored")
    func session() async throws {
        let (terminal, state) = try await run([
            .waitFor("Helsinki Fleet Yard"),
            .send([.key(.character("/"))]), .send("hels".map { .key(.character($0)) }), .send([.key(.enter)]),
            .waitFor("1/1 of 40"),
            .send([.key(.character("x"))]), .waitFor("FAULTS ON"),
            .send([.key(.enter)]), .waitFor("Request failed"),
            // The error pane is a mode: x does nothing until it is dismissed.
            .send([.key(.character("x"))]), .send([.key(.escape)]), .waitFor("could not load: HTTP 503"),
            .send([.key(.character("x"))]), .waitFor("fault injection OFF"),
            .send([.key(.character("r"))]), .waitFor("Stations · Helsinki Fleet Yard"),
            .waitFor("station id KEM-HEL-001-S"),
            .send([.key(.enter)]), .waitFor("Connectors · KEM-HEL-001-S"),
            .send([.resized(width: 60, height: 20)]), .waitFor("Connectors · KEM-HEL-001-S"),
            .send([.key(.character("q"))]),
        ])
        #expect(terminal.gaveUpWaitingFor == nil)
        #expect(terminal.isFinished)
        #expect(terminal.isShutDown)
        #expect(state.current.load.failure == nil)
        #expect(state.mode == .browse)
        #expect(state.stack.count == 3)
        #expect(terminal.frames.contains { $0.lines.contains { $0.contains("retryable: yes") } })
        #expect(terminal.frames.last?.width == 60)
    }
}
