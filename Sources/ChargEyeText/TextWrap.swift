/// Breaks one line of text into rows of a width: after a space where there is one, else inside
/// a word; wide characters count two columns. With a hanging indent (console lines, pretty
/// JSON) rows after the first are indented two columns deeper than the line, so wrapped JSON
/// values still read as belonging to their key; without one (prose: messages, detail values)
/// every row starts at the margin.
public enum TextWrap {
    /// The least room left for text on a continuation row before the indent gives way.
    static let minimumText = 10

    /// `line` as rows of at most `width` columns.
    public static func rows(_ line: String, width: Int, hanging: Bool = true) -> [String] {
        guard width > 0 else { return [] }
        guard DisplayWidth.of(line) > width else { return [line] }
        // Indentation deeper than the row would leave it blank: keep room for text.
        let leading = line.prefix { $0 == " " }.count
        let line = String(line.dropFirst(max(0, leading - max(0, width - minimumText))))
        guard DisplayWidth.of(line) > width else { return [line] }
        let depth = line.prefix { $0 == " " }.count + 2
        let indent = String(repeating: " ", count: hanging && width - depth >= minimumText ? depth : 0)
        var rows: [String] = []
        var rest = Substring(line)
        var prefix = ""
        while !rest.isEmpty {
            let room = max(1, width - prefix.count)
            let (end, lastBreak) = fit(rest, room: room)
            guard end < rest.endIndex else {
                rows.append(prefix + rest)
                break
            }
            let cut = lastBreak ?? end
            rows.append(prefix + rest[..<cut].reversed().drop { $0 == " " }.reversed())
            rest = rest[cut...].drop { $0 == " " }
            prefix = indent
        }
        return rows
    }

    /// How much of `text` fits in `room` columns (at least one character), and the last place
    /// after a space within that, not counting leading spaces.
    private static func fit(_ text: Substring, room: Int) -> (end: String.Index, lastBreak: String.Index?) {
        var used = 0
        var end = text.startIndex
        var lastBreak: String.Index?
        var seenText = false
        for index in text.indices {
            let width = DisplayWidth.of(text[index])
            if used + width > room, end > text.startIndex { break }
            used += width
            end = text.index(after: index)
            if text[index] == " " {
                if seenText { lastBreak = end }
            } else {
                seenText = true
            }
        }
        return (end, lastBreak)
    }
}
