import ChargEyeAPI
import Foundation
import Testing

@Suite("Nesting checked before JSONDecoder")
struct JSONNestingTests {
    private func tooDeep(_ text: String, limit: Int = JSONNesting.decoderLimit) -> Bool {
        JSONNesting.isTooDeep(Data(text.utf8), limit: limit)
    }

    @Test("counts arrays and objects, and stops at the first level past the limit")
    func countsLevels() {
        #expect(!tooDeep(String(repeating: "[", count: 512)))
        #expect(tooDeep(String(repeating: "[", count: 513)))
        #expect(tooDeep(#"{"a":"# + String(repeating: "[", count: 512)))
        #expect(!tooDeep(String(repeating: "[]", count: 1000)))
        #expect(tooDeep("[{[", limit: 2))
        #expect(!tooDeep("[{}][{}]", limit: 2))
    }

    @Test("brackets inside strings, after escaped quotes and backslashes, do not count")
    func stringsAreSkipped() {
        #expect(!tooDeep(#"["[[[[", "\"[[[[", "\\"]"#, limit: 1))
        #expect(tooDeep(#"["\\", [["#, limit: 2))
        #expect(!tooDeep("\"" + String(repeating: "[", count: 600) + "\""))
    }

    @Test("a backslash on the last byte, and a closer with nothing open, end the check without a read past the end")
    func edges() {
        #expect(!tooDeep(#"["abc\"#, limit: 1))
        #expect(!tooDeep("]" + String(repeating: "[", count: 600)))
    }

    /// `JSONDecoder` converts UTF-16 and UTF-32 texts to UTF-8 before parsing, so a deep text
    /// in those encodings crashes it too; read as UTF-8 bytes, a UTF-16 backslash would swallow
    /// a zero byte and end a string early.
    @Test("UTF-16 and UTF-32 texts are checked as JSONDecoder reads them", arguments: [
        String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian,
    ])
    func wideEncodings(encoding: String.Encoding) throws {
        for text in [String(repeating: "[", count: 513), #"["\"","# + String(repeating: "[", count: 512)] {
            let data = try #require(text.data(using: encoding))
            #expect(JSONNesting.isTooDeep(data))
        }
        let shallow = try #require(#"["\"[[[[[[", 1]"#.data(using: encoding))
        #expect(!JSONNesting.isTooDeep(shallow, limit: 2))
    }
}
