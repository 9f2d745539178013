@testable import ChargEyeAPI
import Foundation
import Testing

@Suite("Reading JSON bytes")
struct JSONByteReaderTests {
    /// The number `text` reads as, or nil when the reader gives up on it.
    private static func number(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            var reader = JSONByteReader(bytes)
            guard let value = reader.number(), reader.atEnd() else { return nil }
            return value
        }
    }

    @Test("numbers read without a string are the values the ordinary parser gives, bit for bit")
    func shortDecimals() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "0.0", "1", "-1", "0.1", "0.3", "2.675", "74.8", "9007199254740992", "9007199254740993", "123456789012345.6",
                     "0.000000000000000000001", "1.7976931348623157", "60.24987654321", "24.858700000000002", "-37.5", "1e3", "2.5E-7"]
        for _ in 0..<20_000 {
            let integer = String(UInt64.random(in: 0...(Bool.random(using: &generator) ? 999 : 99_999_999_999), using: &generator))
            let fraction = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })
            let sign = Bool.random(using: &generator) ? "-" : ""
            texts.append(sign + integer + (fraction.isEmpty ? "" : "." + fraction))
        }
        for text in texts {
            let expected = Double(text)!
            // A negative zero is left to the ordinary decoder on purpose.
            if expected == 0, expected.sign == .minus { continue }
            #expect(Self.number(text)?.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    /// The string the bytes `quoted` (a JSON string, quotes included) read as, or nil.
    private static func string(_ quoted: [UInt8]) -> String? {
        quoted.withUnsafeBufferPointer { bytes in
            var reader = JSONByteReader(bytes)
            guard let value = reader.string(), reader.atEnd() else { return nil }
            return value
        }
    }

    @Test("strings, escapes and UTF-8 read as Foundation's decoder reads them; what it rejects is given up on")
    func strings() {
        var cases: [[UInt8]] = [
            #""plain""#, #""Jyv\u00e4skyl\u00E4""#, #""\ud83d\ude00 \u00e9\n\t\"\\\/""#, #""\u12""#, #""\u+123""#,
            #""\u-123""#, #""\ud800""#, #""\udc00\ud800""#, #""\uzzzz""#, #""\x""#, "\"Z\u{00FC}rich 東京 ⚡\"",
        ].map { Array($0.utf8) }
        // Overlong forms, encoded surrogates, past U+10FFFF, cut-off sequences, stray continuation bytes.
        cases += [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF0, 0x9F, 0x98, 0x80]]
            .map { [0x22, 0x61] + $0 + [0x62, 0x22] }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...6, using: &generator)
            cases.append([0x22] + (0..<length).map { _ in UInt8.random(in: 0x20...0xFF, using: &generator) }.filter { $0 != 0x22 && $0 != 0x5C } + [0x22])
        }
        #expect(Self.string(cases[1]) == "Jyväskylä" && Self.string(cases[2]) == "😀 é\n\t\"\\/")
        #expect(Self.string(cases[3]) == nil && Self.string(cases[4]) == nil && Self.string(cases[6]) == nil)
        for quoted in cases {
            let expected = try? JSONDecoder().decode(String.self, from: Data(quoted))
            #expect(Self.string(quoted) == expected, "\(quoted)")
        }
    }
}
