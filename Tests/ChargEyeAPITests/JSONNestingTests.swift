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
}
