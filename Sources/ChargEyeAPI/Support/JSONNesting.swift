public import Foundation

/// How deeply a JSON text nests its arrays and objects, checked before any text reaches
/// Foundation's `JSONDecoder`.
///
/// `JSONDecoder` (swift-foundation, Swift 6.3) refuses texts nested more than 512 levels deep
/// with an error, except when the 513th level opens on the text's very last byte: then it
/// crashes the process while working out the error's line and column. chargeye's fuzzer found
/// this with 513 `[`. So every body chargeye gives a `JSONDecoder` is checked here first
/// (`decode` does both), and one too deep is refused, as `JSONDecoder` would refuse it anyway.
/// (`JSONSerialization` has its own parser, which throws, and needs no check.)
public enum JSONNesting {
    /// The deepest nesting `JSONDecoder` reads.
    public static let decoderLimit = 512

    /// What a refused body is told, after "the answer ...".
    public static let tooDeepDetail = "nests arrays or objects more than \(decoderLimit) levels deep"

    /// `decoder`'s `T` from `data`, or nil when it does not decode or nests too deep to try.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, using decoder: JSONDecoder = JSONDecoder()) -> T? {
        isTooDeep(data) ? nil : try? decoder.decode(type, from: data)
    }

    /// Whether `data`, read as `JSONDecoder` reads it, opens more than `limit` arrays or
    /// objects at once. Brackets inside strings do not count. UTF-16 and UTF-32 texts, which
    /// `JSONDecoder` recognises by their zero bytes or byte order mark and converts, are
    /// converted first; one that does not convert cannot reach the parser.
    public static func isTooDeep(_ data: Data, limit: Int = decoderLimit) -> Bool {
        guard data.count > limit else { return false }
        guard let encoding = wideEncoding(of: data) else { return isTooDeep(utf8: data, limit: limit) }
        guard let text = String(data: data, encoding: encoding) else { return false }
        return isTooDeep(utf8: Data(text.utf8), limit: limit)
    }

    /// The UTF-16 or UTF-32 encoding `JSONDecoder` takes `data` to be in (a byte order mark, or
    /// JSON's first character, which is ASCII, showing zero bytes), or nil for UTF-8.
    private static func wideEncoding(of data: Data) -> String.Encoding? {
        let head = Array(data.prefix(4)) + [UInt8](repeating: 1, count: max(0, 4 - data.count))
        switch (head[0], head[1], head[2], head[3]) {
        case (0x00, 0x00, 0xFE, 0xFF), (0x00, 0x00, 0x00, _): return .utf32BigEndian
        case (0xFF, 0xFE, 0x00, 0x00), (_, 0x00, 0x00, 0x00): return .utf32LittleEndian
        case (0xFE, 0xFF, _, _), (0x00, _, _, _): return .utf16BigEndian
        case (0xFF, 0xFE, _, _), (_, 0x00, _, _): return .utf16LittleEndian
        default: return nil
        }
    }

    /// The check on UTF-8 bytes: reads each byte once, and stops at the first level too deep.
    private static func isTooDeep(utf8 data: Data, limit: Int) -> Bool {
        data.withUnsafeBytes { bytes in
            var depth = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    // On to the closing quote; a backslash takes the byte after it along.
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                        index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                    }
                    index += 1
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > limit { return true }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    // A closer with nothing open: the parser stops there, before any deeper level.
                    if depth < 0 { return false }
                default:
                    break
                }
            }
            return false
        }
    }
}
