import Foundation

/// Seeded mutations of seed inputs, for a fuzzing pass that needs no libFuzzer build: CI's
/// default runs a few thousand of them through the ordinary debug binary in seconds, while the
/// coverage-guided run (`Tests/Fuzz/fuzz.sh`, a separate sanitizer build) sits behind
/// `CHARGEYE_FUZZ_SECONDS`. The same seed gives the same inputs, so a failure can be replayed.
struct Mutator {
    /// Tokens that reach the decoders' edges: structure, escapes, numbers past every range,
    /// text a terminal would act on, and the API's own key names.
    private static let tokens: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "false", "0", "-0", "1e999",
        "-1e-999", "18446744073709551616", "0.1e1", "\\u0000", "\\ud800", "\\udc00", "\\u001b[2J",
        "\u{1B}]0;x\u{07}", "\u{202E}", "\u{FEFF}", "\u{FF}", "\"locations\"", "\"stations\"",
        "\"uid\"", "\"id\"", "\"name\"", "\"status\"", "\"cursor\"", "\"token\"", "\"validUntil\"",
        "\"errorMessage\"", "\"2026-02-30T25:61:61Z\"", "\"1970-01-01T00:00:00.000+14:00\"",
    ].map { Array($0.utf8) }

    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// One to four mutations of `input`, sometimes spliced with `other`.
    mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            switch below(7) {
            case 0 where !bytes.isEmpty: bytes[below(bytes.count)] ^= UInt8(truncatingIfNeeded: 1 << below(8))
            case 1 where !bytes.isEmpty: bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: next())
            case 2: bytes.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: below(bytes.count + 1))
            case 3 where !bytes.isEmpty: bytes.removeSubrange(span(in: bytes.count))
            case 4 where !bytes.isEmpty: bytes.insert(contentsOf: bytes[span(in: bytes.count)], at: below(bytes.count + 1))
            case 5 where !bytes.isEmpty: bytes.removeSubrange(below(bytes.count)...)
            case 6 where !other.isEmpty: bytes = Array(bytes.prefix(below(bytes.count + 1)) + other.suffix(below(other.count + 1)))
            default: bytes.append(contentsOf: Self.tokens[below(Self.tokens.count)])
            }
        }
        return bytes
    }

    /// A short range inside `count` bytes (at most 64 long).
    private mutating func span(in count: Int) -> Range<Int> {
        let start = below(count)
        return start..<min(count, start + 1 + below(64))
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
