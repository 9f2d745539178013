import ChargEyeAPI
import Foundation
import Testing

/// `RawJSON` slices and re-indents without decoding: every token as it came, nothing a terminal
/// acts on left raw.
@Suite("Raw JSON as the server sent it")
struct RawJSONTests {
    private func value(_ text: String) throws -> NSObject? {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? NSObject
    }

    @Test("re-indenting keeps members, order, number spellings and escapes; empty containers stay on one line")
    func indent() throws {
        let text = #"{"b":1.50,"a":[],"c":{},"d":[1E2,-0,12345678901234567890],"e":"x\"y\\","f":{"g":null}}"#
        let json = try #require(RawJSON(Array(text.utf8)))
        let pretty = json.pretty()
        #expect(try value(pretty) == value(text))
        #expect(pretty == """
            {
              "b": 1.50,
              "a": [],
              "c": {},
              "d": [
                1E2,
                -0,
                12345678901234567890
              ],
              "e": "x\\"y\\\\",
              "f": {
                "g": null
              }
            }
            """)
    }

    @Test("raw DEL, C1 controls and bidi characters in strings go out as \\u escapes; other text as it came")
    func inert() throws {
        let text = "{\"name\":\"a\u{7F}b\u{9B}31mc\u{202E}d\u{200F}e\u{061C}f é 漢 😀\"}"
        let pretty = try #require(RawJSON(Array(text.utf8))).pretty()
        #expect(pretty.contains(#"a\u007fb\u009b31mc\u202ed\u200fe\u061cf é 漢 😀"#), "\(pretty)")
        #expect(!pretty.unicodeScalars.contains { [0x7F, 0x9B, 0x202E, 0x200F, 0x061C].contains($0.value) })
        #expect(try value(pretty) == value(text))
    }

    @Test("members with escaped keys, a key given twice (the last counts), nesting past 64 levels")
    func lenient() throws {
        let text = #"{"list":[1],"k\u0065y":"escaped","dup":1,"dup":2}"#
        let json = try #require(RawJSON(Array(text.utf8)))
        #expect(json.member("key")?.bytes == Array(#""escaped""#.utf8))
        #expect(json.member("dup")?.bytes == Array("2".utf8))
        #expect(json.members?.map(\.key) == ["list", "key", "dup", "dup"])
        #expect(json.member("list")?.elements?.count == 1)
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(RawJSON(Array(deep.utf8)) != nil)
        #expect(RawJSON(Array(#"{"a":1"#.utf8)) == nil)
        #expect(RawJSON(Array("1 2".utf8)) == nil)
    }
}
