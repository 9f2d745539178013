/// A gzip stream of zeros that is tiny on the wire and huge once inflated (about 1:160), built
/// with deflate's fixed Huffman codes: one literal zero, then back-references of length 258 at
/// distance 1. The trailer's CRC is left zero: a client that inflates to the end has already lost.
enum GzipBomb {
    /// A stream that inflates to at least `inflatedBytes`.
    static func make(inflatedBytes: Int) -> [UInt8] {
        let matches = max(1, (inflatedBytes - 1 + 257) / 258)
        var writer = BitWriter()
        writer.write(1, bits: 1)  // BFINAL
        writer.write(1, bits: 2)  // BTYPE 01: fixed Huffman
        writer.writeCode(0x30, bits: 8)  // literal 0
        writer.writeMatch()  // 24 bits so far: byte-aligned
        // Eight matches take 104 bits, 13 whole bytes, so the rest repeats one 13-byte group.
        var group = BitWriter()
        for _ in 0..<8 { group.writeMatch() }
        for _ in 0..<(matches - 1) / 8 { writer.bytes += group.bytes }
        for _ in 0..<(matches - 1) % 8 { writer.writeMatch() }
        writer.writeCode(0, bits: 7)  // end of block (symbol 256)
        let size = UInt32(truncatingIfNeeded: 1 + 258 * matches)
        let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]
        let trailer: [UInt8] = [0, 0, 0, 0] + (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) }
        return header + writer.finished + trailer
    }

    /// Packs bits least significant first, as deflate does.
    private struct BitWriter {
        var bytes: [UInt8] = []
        private var current: UInt32 = 0
        private var count = 0

        /// Writes a value's low `bits`, least significant bit first (header fields, extra bits).
        mutating func write(_ value: UInt32, bits: Int) {
            for index in 0..<bits { push(value >> index & 1) }
        }

        /// Writes one back-reference: length 258 (symbol 285), distance 1 (code 0).
        mutating func writeMatch() {
            writeCode(0xC5, bits: 8)
            writeCode(0, bits: 5)
        }

        /// Writes a Huffman code, most significant bit first.
        mutating func writeCode(_ code: UInt32, bits: Int) {
            for index in stride(from: bits - 1, through: 0, by: -1) { push(code >> index & 1) }
        }

        private mutating func push(_ bit: UInt32) {
            current |= bit << count
            count += 1
            if count == 8 {
                bytes.append(UInt8(current))
                current = 0
                count = 0
            }
        }

        /// The bytes, the last one padded with zeros.
        var finished: [UInt8] { count == 0 ? bytes : bytes + [UInt8(current)] }
    }
}
