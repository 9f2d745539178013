import Foundation
import ChargEyeAPI

/// Decides, request by request, whether to inject a fault; counts requests per path.
/// Thread-safe; changed at run time through the control endpoint.
final class FaultInjector: Sendable {
    /// What to do with one request.
    struct Decision: Sendable {
        var delayMs: Int
        var fault: FaultRule?
    }

    private struct State {
        var settings: FaultSettings
        var counts: [String: Int] = [:]
        var random = SystemRandomNumberGenerator()
    }

    private let state: Locked<State>

    init(settings: FaultSettings) {
        state = Locked(State(settings: settings))
    }

    var settings: FaultSettings {
        get { state.withLock { $0.settings } }
        set { state.withLock { $0.settings = newValue } }
    }

    func addRule(_ rule: FaultRule) {
        state.withLock { $0.settings.rules.append(rule) }
    }

    /// Requests seen per API path since start (or the last reset).
    var counts: [String: Int] { state.withLock { $0.counts } }

    func resetCounts() {
        state.withLock { $0.counts = [:] }
    }

    /// Counts the request and decides its fate.
    func decide(path: String, query: String? = nil) -> Decision {
        state.withLock { state in
            state.counts[path, default: 0] += 1
            let jitter = state.settings.latencyJitterMs.map { Int.random(in: 0...$0, using: &state.random) } ?? 0
            var decision = Decision(delayMs: state.settings.latencyMs + jitter, fault: nil)
            if let index = state.settings.rules.firstIndex(where: { $0.matches(path, query: query) }) {
                let rule = state.settings.rules[index]
                decision.fault = rule
                decision.delayMs += rule.delayMs ?? 0
                if let times = rule.times {
                    if times <= 1 {
                        state.settings.rules.remove(at: index)
                    } else {
                        state.settings.rules[index].times = times - 1
                    }
                }
            } else if state.settings.failRate > 0,
                Double.random(in: 0..<1, using: &state.random) < state.settings.failRate
            {
                decision.fault = FaultRule(path: path, status: Bool.random(using: &state.random) ? 500 : 503)
            }
            return decision
        }
    }
}
