import Foundation
import Testing

@Suite("The fuzzing harness")
struct FuzzCorpusTests {
    /// `chargeye-fuzz` built without libFuzzer replays files through the same harness.
    @Test("every seed input decodes to values or a ChargEyeError, with inert text")
    func seedCorpusReplays() async throws {
        let fuzzer = CommandRunner.executable.deletingLastPathComponent().appendingPathComponent("chargeye-fuzz")
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/Corpus")
        let process = Process()
        process.executableURL = fuzzer
        process.arguments = [corpus.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let seeds = try FileManager.default.contentsOfDirectory(atPath: corpus.path).count
        #expect(seeds >= 15)
        #expect(text.contains("replayed \(seeds) inputs"), "\(text)")
    }
}
