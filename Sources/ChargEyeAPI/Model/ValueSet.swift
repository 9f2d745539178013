/// Values stored once each (up to a limit) and referred to by number: a fleet's few
/// operators and label sets, shared by thousands of locations.
struct ValueSet<Value: Hashable & Sendable>: Sendable {
    /// No value (`nil`).
    static var absent: UInt32 { .max }
    private static var internLimit: Int { 4096 }

    private var values: [Value] = []
    private var numbers: [Value: UInt32] = [:]

    /// The number of `value`, storing it if it is new.
    mutating func add(_ value: Value?) -> UInt32 {
        guard let value else { return Self.absent }
        if let known = numbers[value] { return known }
        let number = UInt32(values.count)
        values.append(value)
        if numbers.count < Self.internLimit { numbers[value] = number }
        return number
    }

    subscript(number: UInt32) -> Value? {
        number == Self.absent ? nil : values[Int(number)]
    }

    /// Adds the values of `other` after these; returns how to move one of its numbers here.
    mutating func append(_ other: ValueSet) -> (UInt32) -> UInt32 {
        let base = UInt32(values.count)
        values.append(contentsOf: other.values)
        return { $0 == Self.absent ? $0 : $0 + base }
    }
}

extension ValueSet where Value == String {
    /// `add` for the text whose UTF-8 is `bytes`: a status or reason word, one of a few dozen,
    /// found among the first values by its bytes, without making a string to look it up.
    mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        for number in values.indices.prefix(64) {
            var known = values[number]
            if known.utf8.count == bytes.count, known.withUTF8({ $0.elementsEqual(bytes) }) { return UInt32(number) }
        }
        return add(String(decoding: bytes, as: UTF8.self))
    }
}
