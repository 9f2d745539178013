public import Foundation

/// How deeply a JSON text nests its arrays and objects, checked before any text reaches
/// Foundation's `JSONDecoder`.
///
/// `JSONDecoder` (swift-foundation, Swift 6.3) refuses texts nested more than 512 levels deep
/// with an error, except when the 513th level opens on the text's very last byte: then it
/// crashes the process while working out the error's line and column. chargeye's fuzzer found
/// this with 513 `[`. So every body chargeye gives a `JSONDecoder` is checked here first, and
/// one too deep is refused with a clear message, as `JSONDecoder` would refuse it anyway.
/// (`JSONSerialization` has its own parser, which throws, and needs no check.)
public enum JSONNesting {
    /// The deepest nesting `JSONDecoder` reads.
    public static let decoderLimit = 512

    /// What a refused body is told, after "the answer ...".
    public static let tooDeepDetail = "nests arrays or objects more than \(decoderLimit) levels deep"

    /// Whether `data` opens more than `limit` arrays or objects at once. Brackets inside
    /// strings do not count. Reads each byte once, and stops at the first level too deep.
    public static func isTooDeep(_ data: Data, limit: Int = decoderLimit) -> Bool {
        guard data.count > limit else { return false }
        return data.withUnsafeBytes { bytes in
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
                default:
                    break
                }
            }
            return false
        }
    }
}
