import Foundation

/// A `chargeye` process left running (a server: the exporter), its standard error in a file
/// the test can watch.
final class RunningCommand: Sendable {
    let process: Process
    private let errorFile: URL

    init(process: Process, errorFile: URL) {
        self.process = process
        self.errorFile = errorFile
    }

    /// Waits for a line of standard error matching `pattern` and returns its first capture.
    func waitForStandardError(matching pattern: Regex<(Substring, Substring)>, within limit: Duration = .seconds(30)) async throws -> String {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            if let match = text.firstMatch(of: pattern) { return String(match.1) }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let text = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "no match on standard error: \(text)"])
    }

    /// Stops it (SIGTERM) and waits.
    func terminate() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: errorFile)
    }
}

extension CommandRunner {
    /// Starts `chargeye arguments...` without waiting for it.
    func start(_ arguments: [String]) throws -> RunningCommand {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = environment
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return RunningCommand(process: process, errorFile: errorFile)
    }
}
