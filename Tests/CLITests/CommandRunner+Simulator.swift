import ChargEyeSimulator
import Foundation

extension CommandRunner {
    /// A runner whose home, cache and config live in a new temporary directory.
    static func inTemporaryHome(_ label: String) throws -> CommandRunner {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return CommandRunner(home: home)
    }

    /// Runs `body` with a simulator of its own (as `configure` sets it up) and a runner whose
    /// environment points at it; the simulator stops afterwards, also on failure.
    func withSimulator(
        _ configure: (inout Simulator.Configuration) -> Void = { _ in },
        _ body: (Simulator, CommandRunner) async throws -> Void
    ) async throws {
        var configuration = Simulator.Configuration()
        configure(&configuration)
        let simulator = try await Simulator.start(configuration)
        var runner = self
        runner.environment["CHARGEYE_BASE_URL"] = simulator.baseURL.absoluteString
        runner.environment["CHARGEYE_REFRESH_TOKEN"] = configuration.refreshToken
        do {
            try await body(simulator, runner)
        } catch {
            await simulator.stop()
            throw error
        }
        await simulator.stop()
    }
}
