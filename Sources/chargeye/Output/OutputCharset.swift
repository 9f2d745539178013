/// Whether output may use UTF-8 glyphs (block elements, arrows): the locale's character set, as
/// LC_ALL, LC_CTYPE and LANG say in that order of precedence. Anything else (LANG=C, unset)
/// gets the ASCII forms.
enum OutputCharset {
    static func isUTF8(_ environment: [String: String]) -> Bool {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]].lazy.compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let normalised = locale.lowercased().replacingOccurrences(of: "-", with: "")
        return normalised.contains("utf8")
    }
}
