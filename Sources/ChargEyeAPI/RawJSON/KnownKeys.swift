/// The keys of one JSON object shape (`Key`'s cases, named as in the JSON), found by their
/// bytes: the decoders of large answers look up every key of every item, and objects list
/// their keys in one order, so the one after the last found is tried first.
struct KnownKeys<Key: CaseIterable & RawRepresentable<String>>: Sendable where Key: Sendable {
    private let keys: [Key]
    private let names: [[UInt8]]

    init() {
        keys = Array(Key.allCases)
        names = keys.map { Array($0.rawValue.utf8) }
        precondition(keys.count <= 64, "an object shape of more than 64 keys")
    }

    subscript(position: Int) -> Key { keys[position] }

    /// Where `name` is among the keys, trying `guess` first; nil for a key not known.
    func position(of name: UnsafeBufferPointer<UInt8>, tryingFirst guess: Int) -> Int? {
        if guess < names.count, matches(guess, name) { return guess }
        return names.indices.first { $0 != guess && matches($0, name) }
    }

    private func matches(_ position: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        // No known key is empty, so two of one length have bytes to compare.
        guard names[position].count == name.count, let wanted = name.baseAddress else { return false }
        return names[position].withUnsafeBufferPointer { ByteScan.equal($0.baseAddress!, wanted, count: name.count) }
    }
}
