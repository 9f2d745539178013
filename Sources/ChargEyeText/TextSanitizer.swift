/// Makes untrusted text (anything that came from the API or the network) safe to print or draw.
///
/// Removes terminal escape sequences (CSI, OSC such as clipboard writes or title changes, DCS,
/// APC, PM, SOS and two-byte escapes, in their 7-bit and 8-bit forms), C0 and C1 control
/// characters, DEL, and the Unicode bidi overrides and isolates that can make text read
/// differently from what it is. Newlines and tabs become spaces unless `keepNewlines` is set.
public enum TextSanitizer {
    /// Returns `text` with every control character and escape sequence removed.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B:
                skipEscape(after: &scalars)
            case 0x9B:
                skipControlSequence(&scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                skipString(&scalars)
            case 0x0A where keepNewlines:
                output.append(scalar)
            case 0x09, 0x0A, 0x0D:
                output.append(" ")
            case _ where isUnsafe(scalar):
                continue
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Whether `scalar` is one a terminal acts on (C0, DEL, C1) or one that makes text read
    /// differently from what it is (bidi marks, overrides and isolates).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }

    /// One line of at most `limit` characters: cleaned, runs of white space collapsed, cut
    /// with an ellipsis when longer.
    public static func singleLine(_ text: String, limit: Int) -> String {
        let words = clean(text).split(whereSeparator: { $0 == " " })
        let joined = words.joined(separator: " ")
        guard joined.count > limit else { return joined }
        return String(joined.prefix(max(0, limit - 1))) + "…"
    }

    private static func skipEscape(after scalars: inout String.UnicodeScalarView.Iterator) {
        guard let introducer = scalars.next() else { return }
        switch introducer {
        case "[": skipControlSequence(&scalars)
        case "]", "P", "X", "^", "_": skipString(&scalars)
        default: return  // a two-byte escape such as ESC 7 or ESC c: the byte after ESC is dropped too
        }
    }

    /// CSI: parameter and intermediate bytes up to one final byte in 0x40...0x7E.
    private static func skipControlSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let scalar = scalars.next() {
            if (0x40...0x7E).contains(scalar.value) { return }
            if !(0x20...0x3F).contains(scalar.value) { return }
        }
    }

    /// OSC, DCS and the other string sequences: up to BEL, ESC \ or the 8-bit ST.
    private static func skipString(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x07, 0x9C: return
            case 0x1B:
                _ = scalars.next()
                return
            default: continue
            }
        }
    }
}
