@testable import ChargEyeAPI
import Testing

/// The word-at-a-time searches against a byte-by-byte search, over bytes chosen to sit on
/// every edge the word tricks have: the bytes searched for, their neighbours, 0x1F/0x20,
/// 0x7F/0x80, 0xFF, zero, at every alignment and near the end.
@Suite("Searching JSON strings a word at a time")
struct ByteScanTests {
    private static let interesting: [UInt8] = [0, 1, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF, 0x61]

    @Test("finds the same first quote, backslash, control or non-ASCII byte as a plain loop")
    func matchesPlainLoop() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...40, using: &generator)
            // Mostly plain letters, so runs of several words pass before a match.
            let bytes = (0..<length).map { _ in
                Bool.random(using: &generator) && Bool.random(using: &generator)
                    ? Self.interesting.randomElement(using: &generator)! : UInt8.random(in: 0x61...0x7A, using: &generator)
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...length {
                    let quote = bytes[start...].firstIndex { $0 == 0x22 || $0 == 0x5C } ?? length
                    let special = bytes[start...].firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || $0 >= 0x80 } ?? length
                    #expect(ByteScan.quoteOrBackslash(in: buffer, from: start) == quote, "\(bytes) from \(start)")
                    #expect(ByteScan.stringSpecial(in: buffer, from: start) == special, "\(bytes) from \(start)")
                }
            }
        }
    }

    @Test("a long plain run is passed over whole, and an empty buffer has nothing")
    func longRunAndEmpty() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000) + [0x22]
        bytes.withUnsafeBufferPointer { #expect(ByteScan.stringSpecial(in: $0, from: 3) == 1_000) }
        [UInt8]().withUnsafeBufferPointer { #expect(ByteScan.quoteOrBackslash(in: $0, from: 0) == 0) }
    }

    @Test("compares bytes as equal exactly when they are, whatever the length and wherever they differ")
    func equal() {
        for count in 0...40 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37) }
            for changed in -1..<count {
                var other = bytes
                if changed >= 0 { other[changed] ^= 0x80 }
                bytes.withUnsafeBufferPointer { left in
                    other.withUnsafeBufferPointer { right in
                        let equal = count == 0 || ByteScan.equal(left.baseAddress!, right.baseAddress!, count: count)
                        #expect(equal == (changed < 0), "\(count) bytes, changed at \(changed)")
                    }
                }
            }
        }
    }
}
