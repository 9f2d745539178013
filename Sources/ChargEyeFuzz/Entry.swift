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
/// exits non-zero if any input breaks a property (the run traps).
@main
enum Replay {
    static func main() {
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
            let url = URL(fileURLWithPath: argument)
            let files = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? [url]
            for file in files.sorted(by: { $0.path < $1.path }) {
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                DecodingFuzzer.run(data)
                count += 1
            }
        }
        print("replayed \(count) inputs: every failure was a ChargEyeError, every text came out inert")
    }
}
#endif
