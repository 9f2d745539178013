import Foundation
import Testing
import TestTools

@Suite("The fuzzing harness")
struct FuzzCorpusTests {
    /// `chargeye-fuzz` built without libFuzzer replays files through the same harness.
    @Test("every seed input decodes to values or a ChargEyeError, with inert text")
    func seedCorpusReplays() async throws {
        let fuzzer = CommandRunner.executable.deletingLastPathComponent().appendingPathComponent("chargeye-fuzz")
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/Corpus")
        let result = try await ChildProcess.run(fuzzer, [corpus.path])
        let text = result.output
        #expect(result.status == 0)
        let seeds = try FileManager.default.contentsOfDirectory(atPath: corpus.path).count
        #expect(seeds >= 15)
        #expect(text.contains("replayed \(seeds) inputs"), "\(text)")
    }
}
