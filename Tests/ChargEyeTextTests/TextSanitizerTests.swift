import ChargEyeText
import Testing

@Suite("Untrusted text")
struct TextSanitizerTests {
    @Test("escape sequences, controls and bidi overrides are removed", arguments: [
        ("Depot\u{1B}]52;c;cHduZWQ=\u{07} A", "Depot A"),
        ("\u{1B}[2J\u{1B}[HClear", "Clear"),
        ("Title\u{1B}]0;evil\u{1B}\\ set", "Title set"),
        ("C1\u{9B}31m red", "C1 red"),
        ("bidi \u{202E}gnp.exe\u{202C}", "bidi gnp.exe"),
        ("nul\u{0}bell\u{7}", "nulbell"),
        ("tab\tnew\nline", "tab new line"),
        ("東京 Depot 🚌 café", "東京 Depot 🚌 café"),
    ])
    func clean(input: String, expected: String) {
        #expect(TextSanitizer.clean(input) == expected)
    }

    @Test("single lines are collapsed and cut with an ellipsis")
    func singleLine() {
        #expect(TextSanitizer.singleLine("a  \n b", limit: 10) == "a b")
        #expect(TextSanitizer.singleLine(String(repeating: "x", count: 10_000), limit: 5) == "xxxx…")
    }

    @Test("display width counts wide characters as two columns and marks as none")
    func displayWidth() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🚌") == 2)
        #expect(DisplayWidth.truncate("東京駅前", to: 5) == "東京…")
        #expect(DisplayWidth.pad("東", to: 4) == "東  ")
    }
}
