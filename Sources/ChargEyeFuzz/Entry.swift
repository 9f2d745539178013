import Foundation

#if FUZZING
/// libFuzzer's driver (from `libclang_rt.fuzzer_no_main`): parses libFuzzer's own options and
/// calls `callback` with each input.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Under libFuzzer (see `Tests/Fuzz/fuzz.sh`): libFuzzer's options and corpus directories.
@main
enum Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
            DecodingFuzzer.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
            return 0
        })
    }
}
#else
/// Without libFuzzer: replays files (or every file in directories), e.g. the seed corpus, and
/// exits non-zero if any input breaks a property (the run traps). With `--mutations N`, it
/// then runs N seeded mutations of those inputs (`--seed S`, default 1), writing each to
/// `--current FILE` first so that a trap leaves the input behind.
@main
enum Replay {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let mutations = Int(take("--mutations", from: &arguments) ?? "0") ?? 0
        let seed = UInt64(take("--seed", from: &arguments) ?? "1") ?? 1
        let current = take("--current", from: &arguments)
        var inputs: [[UInt8]] = []
        for argument in arguments {
            let url = URL(fileURLWithPath: argument)
            let files = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? [url]
            for file in files.sorted(by: { $0.path < $1.path }) {
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                DecodingFuzzer.run(data)
                inputs.append(Array(data))
            }
        }
        print("replayed \(inputs.count) inputs: every failure was a ChargEyeError, every text came out inert")
        guard mutations > 0, !inputs.isEmpty else { return }
        var mutator = Mutator(seed: seed)
        for index in 0..<mutations {
            let input = Data(mutator.mutate(inputs[index % inputs.count], other: inputs[(index * 7 + 3) % inputs.count]))
            if let current { _ = FileManager.default.createFile(atPath: current, contents: input) }
            DecodingFuzzer.run(input)
        }
        print("ran \(mutations) mutations (seed \(seed)): every failure was a ChargEyeError, every text came out inert")
    }

    /// Removes `option VALUE` from `arguments` and returns VALUE.
    private static func take(_ option: String, from arguments: inout [String]) -> String? {
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
        defer { arguments.removeSubrange(index...index + 1) }
        return arguments[index + 1]
    }
}
#endif
