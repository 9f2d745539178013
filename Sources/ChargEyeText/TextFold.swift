public import Foundation

/// Text made comparable the way people search: case, accents and width ignored.
public enum TextFold {
    /// Lowercased, accents removed: "Jyväskylä" → "jyvaskyla". Plain ASCII, most of any
    /// fleet's text, is only lowercased (the same result, without Foundation's folding).
    public static func fold(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        }
        return text.lowercased()
    }

    /// True when `text` contains `needle`, both folded.
    public static func contains(_ text: String, _ needle: String) -> Bool {
        needle.isEmpty || fold(text).contains(fold(needle))
    }
}
