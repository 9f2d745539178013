/// Finds the bytes that end or interrupt a JSON string's plain run, eight bytes at a time.
/// Most of a large answer is the inside of strings (keys, ids, names, timestamps), and a
/// step per byte there was the largest single cost of reading a fleet. Hand-written: the
/// word-at-a-time tests are a few lines, and no dependency of ours offers them.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let quotes = ones &* UInt64(UInt8(ascii: "\""))
    private static let backslashes = ones &* UInt64(UInt8(ascii: "\\"))
    private static let openBraces = ones &* UInt64(UInt8(ascii: "{"))
    private static let closeBraces = ones &* UInt64(UInt8(ascii: "}"))

    /// The position of the first quote or backslash at or after `start`, or `bytes.count`.
    static func quoteOrBackslash(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstMatch(in: bytes, from: start) { word in
            zeroBytes(word ^ quotes) | zeroBytes(word ^ backslashes)
        } isMatch: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    /// The position of the first quote or bracket (`"`, `{`, `}`, `[`, `]`) at or after
    /// `start`, or `bytes.count`: outside strings, the only bytes that change the nesting.
    static func quoteOrBracket(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstMatch(in: bytes, from: start) { word in
            // `[` and `]` differ from `{` and `}` only in bit 5, which no other byte sets them to.
            let folded = word | (ones &* 0x20)
            return zeroBytes(word ^ quotes) | zeroBytes(folded ^ openBraces) | zeroBytes(folded ^ closeBraces)
        } isMatch: { byte in
            byte == UInt8(ascii: "\"") || byte | 0x20 == UInt8(ascii: "{") || byte | 0x20 == UInt8(ascii: "}")
        }
    }

    /// The position of the first byte at or after `start` that a plain ASCII string cannot
    /// hold as it is: a quote, a backslash, a control character or a byte of a multi-byte
    /// character; or `bytes.count`.
    static func stringSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstMatch(in: bytes, from: start) { word in
            zeroBytes(word ^ quotes) | zeroBytes(word ^ backslashes) | bytesBelow0x20(word) | (word & highBits)
        } isMatch: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 || $0 >= 0x80 }
    }

    /// The first position whose byte `isMatch` accepts, testing whole words with `wordMask`
    /// first: a word's mask has the high bit set in each matching byte, and maybe in bytes
    /// after the first match (never before it), so its lowest set bit is the first match.
    @inline(__always)
    private static func firstMatch(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, wordMask: (UInt64) -> UInt64, isMatch: (UInt8) -> Bool
    ) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let mask = wordMask(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                if mask != 0 { return index + mask.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < bytes.count, !isMatch(bytes[index]) { index += 1 }
        return index
    }

    /// Whether the `count` bytes at `left` and `right` are equal, compared eight at a time in
    /// line: the keys, interned texts and shared values the table decoders compare are a few
    /// to a few dozen bytes, where a call to `memcmp` cost more than the comparison.
    static func equal(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, count: Int) -> Bool {
        let left = UnsafeRawPointer(left), right = UnsafeRawPointer(right)
        var offset = 0
        while offset + 8 <= count {
            guard left.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            else { return false }
            offset += 8
        }
        while offset < count {
            guard left.load(fromByteOffset: offset, as: UInt8.self) == right.load(fromByteOffset: offset, as: UInt8.self) else { return false }
            offset += 1
        }
        return true
    }

    /// The high bit of each zero byte (and perhaps of bytes after the first zero).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highBits
    }

    /// The high bit of each byte below 0x20 (and perhaps of bytes after the first one).
    @inline(__always)
    private static func bytesBelow0x20(_ word: UInt64) -> UInt64 {
        (word &- ones &* 0x20) & ~word & highBits
    }
}
