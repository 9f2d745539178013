import Foundation
import Testing

/// Runs the built `chargeye` binary as a user would, capturing its output and exit code.
struct CommandRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable next to the test bundle (`swift build --build-tests` builds it).
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("chargeye")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/chargeye")
    }()

    /// A clean environment: no user configuration, cache or credentials leak into tests.
    var environment: [String: String]

    init(home: URL) {
        environment = [
            "PATH": "/usr/bin:/bin",
            "HOME": home.path,
            "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "LANG": "C.UTF-8",
            "COLUMNS": "100",
        ].merging(Self.sanitizerOptions) { own, _ in own }
    }

    /// Sanitizer settings of the test run (e.g. `ASAN_OPTIONS=detect_leaks=0`), passed on to the
    /// binaries the tests start, which otherwise get a clean environment.
    static var sanitizerOptions: [String: String] {
        ProcessInfo.processInfo.environment.filter { ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"].contains($0.key) }
    }

    /// Runs `chargeye arguments...`, optionally under `umask`, and waits for it.
    func run(_ arguments: [String], umask: String? = nil, interruptAfter: Duration? = nil) async throws -> Result {
        let process = Process()
        if let umask {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask \(umask); exec \"$0\" \"$@\"", Self.executable.path] + arguments
        } else {
            process.executableURL = Self.executable
            process.arguments = arguments
        }
        process.environment = environment
        let directory = FileManager.default.temporaryDirectory
        let outputFile = directory.appendingPathComponent("chargeye-out-\(UUID().uuidString)")
        let errorFile = directory.appendingPathComponent("chargeye-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let output = try FileHandle(forWritingTo: outputFile), errors = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        // Wait without blocking a thread: the simulator under test runs in this process.
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
                if let interruptAfter {
                    let pid = process.processIdentifier
                    Task {
                        try? await Task.sleep(for: interruptAfter)
                        kill(pid, SIGINT)
                    }
                }
            } catch {
                process.terminationHandler = nil
                continuation.resume()
            }
        }
        guard process.processIdentifier > 0 else { throw CocoaError(.executableNotLoadable) }
        try output.close()
        try errors.close()
        return Result(
            status: process.terminationStatus,
            stdout: try String(contentsOf: outputFile, encoding: .utf8),
            stderr: try String(contentsOf: errorFile, encoding: .utf8)
        )
    }
}
