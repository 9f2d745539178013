@testable import ChargEyeAPI
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
}
