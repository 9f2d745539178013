/// A small, fast, deterministic random number generator (SplitMix64), so the same seed always
/// gives the same fleet.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    /// A generator for `seed`, mixed with any number of salts (a location index, a station
    /// number...) so every part of the fleet draws from its own independent stream.
    init(seed: UInt64, _ salts: UInt64...) {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        for salt in salts {
            state = Self.mix(state ^ (salt &* 0xBF58_476D_1CE4_E5B9))
        }
        self.state = state
    }

    /// A seed from text or bytes (an id), FNV-1a style; mixed by `init(seed:)` before use.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(1_469_598_103_934_665_603) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly chosen element.
    mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &self)]
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < p
    }

    /// A value chosen by weight: `[("Available", 45), ("Charging", 30)]`.
    mutating func weighted<T>(_ options: [(T, Int)]) -> T {
        let total = options.reduce(0) { $0 + $1.1 }
        var roll = Int.random(in: 0..<total, using: &self)
        for (value, weight) in options {
            if roll < weight { return value }
            roll -= weight
        }
        return options[options.count - 1].0
    }

    /// A number in `range`, rounded to `places` decimals.
    mutating func decimal(_ range: ClosedRange<Double>, places: Int = 1) -> Double {
        let scale = pow10(places)
        return (Double.random(in: range, using: &self) * scale).rounded() / scale
    }

    /// Characters from `alphabet` (ASCII), built as bytes: 100,000 ids are made at start-up.
    mutating func string(length: Int, alphabet: StaticString = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789") -> String {
        alphabet.withUTF8Buffer { characters in
            String(unsafeUninitializedCapacity: length) { buffer in
                for offset in 0..<length { buffer[offset] = pick(characters) }
                return length
            }
        }
    }

    /// One element of a buffer, chosen uniformly (the same draw as `pick` on an array).
    private mutating func pick(_ items: UnsafeBufferPointer<UInt8>) -> UInt8 {
        items[Int.random(in: 0..<items.count, using: &self)]
    }

    /// A version-4-shaped UUID string, built as bytes (a fleet's sessions make one each).
    mutating func uuid() -> String {
        let hex: StaticString = "0123456789abcdef", variant: StaticString = "89ab"
        return String(unsafeUninitializedCapacity: 36) { text in
            var length = 0
            for index in 0..<32 {
                if index == 8 || index == 12 || index == 16 || index == 20 {
                    text[length] = UInt8(ascii: "-")
                    length += 1
                }
                text[length] = switch index {
                case 12: UInt8(ascii: "4")
                case 16: variant.withUTF8Buffer { pick($0) }
                default: hex.withUTF8Buffer { pick($0) }
                }
                length += 1
            }
            return length
        }
    }

    private func pow10(_ places: Int) -> Double {
        (0..<places).reduce(1.0) { value, _ in value * 10 }
    }
}
