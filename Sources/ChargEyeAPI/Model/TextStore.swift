import Foundation

/// Texts kept as UTF-8 bytes in shared chunks of 64 KiB (a longer text gets a chunk of its
/// own), so a large list holds its texts in a few hundred allocations rather than one or two per
/// text, and growing it never copies what is already there.
struct TextStore: Sendable {
    /// Where one text is: its chunk and offset (`place`: chunk << 16 | offset) and its length.
    struct Ref: Hashable, Sendable {
        var place: UInt32
        var length: UInt32

        /// No text (`nil`).
        static let absent = Ref(place: 0, length: .max)
    }

    private static let chunkSize = 1 << 16
    /// How many distinct values `intern` remembers; past that, texts are only added, so a
    /// server that sends a different value each time costs no more than plain adding.
    private static let internLimit = 4096

    private var chunks: [ContiguousArray<UInt8>] = []
    /// The interned texts, found by their bytes: an open-addressed table of refs (`absent`
    /// where empty), so a look-up makes no string.
    private var internSlots: [Ref] = []
    private var internCount = 0
    private var lastInterned: Ref?
    /// Mixed into every text's hash, so a server cannot choose texts that all collide.
    private static let hashSeed = UInt64.random(in: .min ... .max)

    /// Stores `text` and returns where it is.
    mutating func add(_ text: String?) -> Ref {
        guard var text else { return .absent }
        return text.withUTF8 { add(bytes: $0) }
    }

    /// Stores the text whose UTF-8 is `bytes` and returns where it is.
    mutating func add(bytes: UnsafeBufferPointer<UInt8>) -> Ref {
        let length = bytes.count
        // An empty text needs no bytes (and an offset past a full chunk would not fit the ref).
        if length == 0 { return Ref(place: 0, length: 0) }
        if length > Self.chunkSize {
            chunks.append(ContiguousArray(bytes))
            return ref(chunk: chunks.count - 1, offset: 0, length: length)
        }
        if chunks.isEmpty || chunks[chunks.count - 1].count + length > Self.chunkSize {
            // The first chunk grows as texts come (a small table stays small); later ones are
            // made whole at once.
            var chunk = ContiguousArray<UInt8>()
            if !chunks.isEmpty { chunk.reserveCapacity(Self.chunkSize) }
            chunks.append(chunk)
        }
        let last = chunks.count - 1
        let offset = chunks[last].count
        chunks[last].append(contentsOf: bytes)
        return ref(chunk: last, offset: offset, length: length)
    }

    /// Stores `text` once for all its repetitions (for values most items share: cities,
    /// countries, tenants).
    mutating func intern(_ text: String?) -> Ref {
        guard var text else { return .absent }
        return text.withUTF8 { intern(bytes: $0) }
    }

    /// `intern` for the text whose UTF-8 is `bytes`; the same text as the last one interned
    /// (a location's id on each of its stations) is found without a look-up.
    mutating func intern(bytes: UnsafeBufferPointer<UInt8>) -> Ref {
        if let lastInterned, isEqual(lastInterned, to: bytes) { return lastInterned }
        if internSlots.isEmpty { internSlots = Array(repeating: .absent, count: 64) }
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & (internSlots.count - 1)
        while internSlots[slot] != .absent {
            if isEqual(internSlots[slot], to: bytes) {
                lastInterned = internSlots[slot]
                return internSlots[slot]
            }
            slot = (slot + 1) & (internSlots.count - 1)
        }
        let stored = add(bytes: bytes)
        if internCount < Self.internLimit {
            internSlots[slot] = stored
            internCount += 1
            if internCount * 2 > internSlots.count { growInternSlots() }
        }
        lastInterned = stored
        return stored
    }

    /// Doubles the intern table, placing each text again by its hash.
    private mutating func growInternSlots() {
        let old = internSlots
        internSlots = Array(repeating: .absent, count: old.count * 2)
        for ref in old where ref != .absent {
            // Interned refs are never absent.
            var slot = withBytes(ref) { Int(truncatingIfNeeded: Self.hash($0!)) } & (internSlots.count - 1)
            while internSlots[slot] != .absent { slot = (slot + 1) & (internSlots.count - 1) }
            internSlots[slot] = ref
        }
    }

    /// A hash of the bytes, seeded per process, eight at a time (the texts interned are short
    /// names, where a step per byte was a tenth of reading a list); its low bits are mixed,
    /// for the slots.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = hashSeed ^ UInt64(bytes.count) &* multiplier
        var offset = 0
        // An empty text may come with no address at all; it hashes as any empty one does.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset + 8 <= bytes.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
                hash ^= hash >> 29
                offset += 8
            }
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << UInt64(8 * (index - offset)) }
        hash = (hash ^ tail) &* multiplier
        return hash ^ hash >> 32
    }

    /// The text at `ref`.
    func string(_ ref: Ref) -> String? {
        withBytes(ref) { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Hands `body` the UTF-8 bytes of the text at `ref` (nil when absent), read in place.
    func withBytes<Result>(_ ref: Ref, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        guard ref.length != Ref.absent.length else { return body(nil) }
        guard ref.length > 0 else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = Int(ref.place & 0xFFFF)
        return chunks[Int(ref.place >> 16)].withUnsafeBufferPointer { chunk in
            body(UnsafeBufferPointer(rebasing: chunk[start..<start + Int(ref.length)]))
        }
    }

    /// Whether the text at `ref` is `bytes` (UTF-8), compared without making a string.
    func isEqual(_ ref: Ref, to bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        withBytes(ref) { stored in
            guard let stored, stored.count == bytes.count else { return false }
            return stored.isEmpty || ByteScan.equal(stored.baseAddress!, bytes.baseAddress!, count: stored.count)
        }
    }

    /// Adds the texts of `other` after these; returns how to move one of its refs here. A
    /// chunk of `other` that fits in the room left in the last chunk here is copied into it,
    /// others are taken over as they are (shared, not copied), so joining many small stores
    /// leaves no half-empty chunks behind.
    mutating func append(_ other: TextStore) -> (Ref) -> Ref {
        var bases: [UInt32] = []
        bases.reserveCapacity(other.chunks.count)
        for chunk in other.chunks {
            if let last = chunks.indices.last, chunks[last].count + chunk.count <= Self.chunkSize {
                bases.append(UInt32(last) << 16 | UInt32(chunks[last].count))
                chunks[last].append(contentsOf: chunk)
            } else {
                precondition(chunks.count < 1 << 16, "over 4 GiB of text")
                bases.append(UInt32(chunks.count) << 16)
                chunks.append(chunk)
            }
        }
        return { ref in
            ref.length == Ref.absent.length || ref.length == 0 ? ref : Ref(place: bases[Int(ref.place >> 16)] + (ref.place & 0xFFFF), length: ref.length)
        }
    }

    private func ref(chunk: Int, offset: Int, length: Int) -> Ref {
        precondition(chunk < 1 << 16 && length < Int(UInt32.max), "over 4 GiB of text")
        return Ref(place: UInt32(chunk) << 16 | UInt32(offset), length: UInt32(length))
    }
}
