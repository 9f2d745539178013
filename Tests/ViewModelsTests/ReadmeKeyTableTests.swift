import Foundation
import Testing
@testable import ViewModels

@Suite("Documentation")
struct ReadmeKeyTableTests {
    @Test("the README's key table is the key map")
    func keyTableMatchesKeyMap() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let rows = AppState.helpRows(.standard).map { "| \($0.keys) | \($0.label) |" }
        for row in rows { #expect(text.contains(row), "README.md lacks the key table row \(row)") }
        let documented = text.split(separator: "\n").drop { $0 != "| keys | action |" }.dropFirst(2).prefix { $0.hasPrefix("|") }
        #expect(documented.count == rows.count)
    }
}
