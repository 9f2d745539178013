public import Foundation

/// Runs a program to its end without holding a thread: the tests share a two-thread
/// cooperative pool with the simulators and clients they start, and a blocking wait there
/// stalls every other test in the process (long enough, under CI load, for their clients'
/// deadlines to expire).
public enum ChildProcess {
    /// The exit status and everything written to standard output and standard error.
    public struct Result: Sendable {
        public let status: Int32
        public let output: String
    }

    /// Runs `executable arguments...` in `directory`, with `input` on standard input.
    public static func run(
        _ executable: URL, _ arguments: [String], input: String = "", in directory: URL? = nil
    ) async throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputFile = scratch.appendingPathComponent("in"), outputFile = scratch.appendingPathComponent("out")
        try Data(input.utf8).write(to: inputFile)
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = try FileHandle(forWritingTo: outputFile)
        defer { try? output.close() }
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = output
        process.standardError = output
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Result(status: process.terminationStatus, output: try String(contentsOf: outputFile, encoding: .utf8))
    }
}
