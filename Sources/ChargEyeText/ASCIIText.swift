public import Foundation

/// Text for a terminal whose locale is not UTF-8: the ASCII form of every glyph chargeye draws
/// itself, chosen for meaning, beside its UTF-8 form; and text from the API transliterated
/// where a close ASCII form exists (`Göteborg` → `Goteborg`, `ß` → `ss`), else one `_`.
/// Applied to the panes before they are laid out, so widths are measured on what is drawn.
public enum ASCIIText {
    /// The program's own glyphs: UTF-8 form, ASCII form. The one table of them.
    static let glyphs: [(utf8: Character, ascii: String)] = [
        ("·", "-"),  // separators in titles, roll-ups, detail values
        ("›", ">"),  // the breadcrumb
        ("…", "~"),  // text cut to fit, "loading…"
        ("→", "->"),  // transitions and SoC ranges ("Charging -> Faulted", "20->80")
        ("←", "<-"),
        ("↑", "^"),
        ("↓", "v"),
        ("—", "-"),
        ("–", "-"),
        ("≤", "<="),
        ("≥", ">="),
        ("�", "?"),  // a byte that was not UTF-8, already marked as such
    ]

    /// Key names in help and hints: words, so an arrow never reads as the `?` or `^` key.
    /// Short, so the help's two columns still fit 80 columns.
    static let keyNames: [String: String] = ["↑": "Up", "↓": "Dn", "←": "Lt", "→": "Rt", "↑↓": "Up/Dn"]

    /// Letters that do not decompose into an ASCII letter and a mark.
    static let letters: [Character: String] = [
        "ß": "ss", "ẞ": "SS", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Œ": "OE", "œ": "oe", "Ł": "L", "ł": "l",
        "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "Th", "þ": "th", "ı": "i", "Ħ": "H", "ħ": "h", "Ŋ": "N", "ŋ": "n",
        "«": "\"", "»": "\"", "„": "\"", "“": "\"", "”": "\"", "‘": "'", "’": "'", "€": "EUR", "£": "GBP", "°": "deg",
    ]

    /// What stands for a character with no ASCII form: one cell, and not a character the
    /// program uses to mean something (such as `?`).
    static let placeholder = "_"

    private static let glyphForms = Dictionary(uniqueKeysWithValues: glyphs.map { ($0.utf8, $0.ascii) })

    /// `text` in ASCII.
    public static func text(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = ""
        for character in text {
            result += form(of: character)
        }
        return result
    }

    /// A key name ("↑", "Enter → l" token by token) in ASCII words.
    public static func keys(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false)
            .map { token in keyNames[String(token)] ?? Self.text(String(token)) }
            .joined(separator: " ")
    }

    /// The ASCII form of one character.
    static func form(of character: Character) -> String {
        if character.isASCII { return String(character) }
        if let glyph = glyphForms[character] { return glyph }
        if let letter = letters[character] { return letter }
        let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.isASCII }
        if let first = base.first, first.properties.isAlphabetic || first.properties.numericType != nil {
            return String(String.UnicodeScalarView(base))
        }
        return placeholder
    }

    /// A one-cell ASCII form for a cell that still holds something else when it is drawn (a
    /// view's own cut mark): the glyph's form when that is one character, else the placeholder.
    public static func cell(_ character: Character) -> Character {
        let form = form(of: character)
        return form.count == 1 ? Character(form) : Character(placeholder)
    }
}
