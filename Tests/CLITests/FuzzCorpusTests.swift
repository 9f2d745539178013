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

    /// The mutation pass CI runs: seeded, so one seed gives the same inputs, and each input is
    /// written out before it runs.
    @Test("seeded mutations run through the same checks and leave the current input behind")
    func seededMutations() async throws {
        let fuzzer = CommandRunner.executable.deletingLastPathComponent().appendingPathComponent("chargeye-fuzz")
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/Corpus")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var lastInputs: [Data] = []
        for run in 0..<2 {
            let current = directory.appendingPathComponent("current-\(run)")
            let result = try await ChildProcess.run(fuzzer, ["--mutations", "40", "--seed", "7", "--current", current.path, corpus.path])
            #expect(result.status == 0, "\(result.output)")
            #expect(result.output.contains("ran 40 mutations (seed 7)"), "\(result.output)")
            lastInputs.append(try Data(contentsOf: current))
        }
        #expect(lastInputs[0] == lastInputs[1], "the same seed gives the same inputs")
    }
}
