import CByteClasses

/// Where the quotes, backslashes and brackets of 64 bytes lie, one bit per byte (bit k for
/// byte k), so a scanner that tracks strings and nesting can take a block in a few dozen
/// operations instead of stopping at every quote (the inside of a list's items is mostly
/// short strings: a quote every few bytes). The same idea as simdjson's structural indexing;
/// the bytes are compared 16 at a time with SSE2 in C (`CByteClasses`), since Swift has no
/// movemask. Hand-written: no dependency of ours offers it.
struct ByteBlock {
    static let size = 64

    /// `"`
    let quotes: UInt64
    /// `{`, `[`, `}` and `]`
    let brackets: UInt64
    /// Where the first backslash is, if there is one.
    let firstBackslash: Int?

    /// The classes of the 64 bytes at `start`.
    init(_ start: UnsafePointer<UInt8>) {
        let classes = ce_classify64(start)
        quotes = classes.quotes
        brackets = classes.brackets
        firstBackslash = classes.backslashes == 0 ? nil : classes.backslashes.trailingZeroBitCount
    }

    /// Bit k set for each byte k of the block inside a string, given whether the block starts
    /// inside one (valid when the block has no backslash): an opening quote counts as inside,
    /// a closing one as outside.
    func insideStrings(startingInside: Bool) -> UInt64 {
        var inside = quotes
        inside ^= inside << 1
        inside ^= inside << 2
        inside ^= inside << 4
        inside ^= inside << 8
        inside ^= inside << 16
        inside ^= inside << 32
        return startingInside ? ~inside : inside
    }
}
