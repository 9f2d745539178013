import ChargEyeText

/// Re-indents valid JSON without decoding it, so nothing changes but white space: members keep
/// the server's order and every number and string keeps its spelling. Hand-written because
/// Foundation's JSONSerialization re-orders members and re-spells numbers (`1.50` → `1.5`),
/// which is exactly what lossless output must not do.
///
/// Inside strings, characters a terminal would act on or that reorder text on screen and that
/// JSON allows unescaped (DEL, the C1 controls U+0080–U+009F, the bidi marks, overrides and
/// isolates: `TextSanitizer.isUnsafe`) are written as `\uXXXX` escapes: the same JSON value,
/// inert on a terminal.
enum JSONIndenter {
    static func indent(_ bytes: [UInt8], level: Int = 0) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        var depth = level
        var index = 0
        var justOpened = false
        func newline() {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                index += 1
                continue
            }
            let isClose = byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
            if justOpened {
                justOpened = false
                if !isClose { newline() }
            } else if isClose {
                depth -= 1
                newline()
                out.append(byte)
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                index = copyString(bytes, from: index, into: &out)
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                out.append(byte)
                depth += 1
                justOpened = true
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newline()
            case UInt8(ascii: ":"):
                out.append(contentsOf: [byte, 0x20])
            default:
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Copies the string starting at `start` (its opening quote) and returns the index after
    /// its closing quote.
    private static func copyString(_ bytes: [UInt8], from start: Int, into out: inout [UInt8]) -> Int {
        out.append(bytes[start])
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                out.append(contentsOf: bytes[index...index + 1])
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\"") {
                out.append(byte)
                return index + 1
            }
            if let (scalar, length) = inertScalar(bytes, at: index) {
                out.append(contentsOf: Array("\\u".utf8) + Array(hex4(scalar).utf8))
                index += length
                continue
            }
            out.append(byte)
            index += 1
        }
        return index
    }

    /// A character at `index` that `TextSanitizer.isUnsafe` names (DEL, C1, bidi controls),
    /// with its UTF-8 length; nil for anything else.
    private static func inertScalar(_ bytes: [UInt8], at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        let length = lead == 0x7F ? 1 : lead & 0xE0 == 0xC0 ? 2 : lead & 0xF0 == 0xE0 ? 3 : 0
        guard length > 0, index + length <= bytes.count,
            let scalar = String(decoding: bytes[index..<index + length], as: UTF8.self).unicodeScalars.first,
            scalar.utf8.count == length, TextSanitizer.isUnsafe(scalar)
        else { return nil }
        return (scalar.value, length)
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
