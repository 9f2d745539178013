import ChargEyeText
import ChargEyeAPI
import Foundation
import Testing
import TerminalUI
@testable import ViewModels

@Suite("ASCII screens for terminals that are not UTF-8")
struct ASCIITextTests {
    @Test("API text is transliterated where a close ASCII form exists, else one placeholder cell")
    func transliteration() {
        #expect(ASCIIText.text("Göteborg, Jyväskylä, Ørsted, Straße, Æbeltoft, Łódź") == "Goteborg, Jyvaskyla, Orsted, Strasse, AEbeltoft, Lodz")
        #expect(ASCIIText.text("東京 Bus 🚌") == "__ Bus _")
        #expect(ASCIIText.text("Charging → Faulted · 20→80 …") == "Charging -> Faulted - 20->80 ~")
        #expect(ASCIIText.keys("Enter → l") == "Enter Rt l")
        #expect(ASCIIText.keys("↑ k") == "Up k")
    }

    @Test("every view drawn in ASCII has no byte beyond ASCII and no ? it did not mean", arguments: [(80, 24), (60, 20), (40, 10)])
    func everyView(width: Int, height: Int) throws {
        var state = ScreenFixtures.state(width: width, height: height)
        let screens = [
            Screen.draw(state, glyphs: .ascii),
            Screen.draw(ScreenFixtures.failedState(width: width, height: height), glyphs: .ascii),
        ] + [Key.character("?"), .character("L")].map { key -> CellGrid in
            var opened = state
            _ = opened.update(.keyPressed(key))
            return Screen.draw(opened, glyphs: .ascii)
        }
        _ = state.update(.keyPressed(.down))
        for grid in screens + [Screen.draw(state, glyphs: .ascii)] {
            let text = grid.lines.joined(separator: "\n")
            #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(grid)")
            let meant = ["? help", "? F1"].reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
            #expect(!meant.contains("?"), "\(grid)")
        }
        #expect(screens[0].lines.joined().contains("Cafe Charge _"))
    }

    @Test("help at the smallest size: one column, scrolled, its title says how; no label cut without a mark")
    func helpAtTheSmallestSize() {
        var state = ScreenFixtures.state(width: 40, height: 10)
        _ = state.update(.keyPressed(.character("?")))
        let rows = AppState.helpRows(state.keyMap, isDemo: false, sections: [])
        var labelsSeen: [String: String] = [:]
        for _ in 0..<rows.count {
            let grid = Screen.draw(state, glyphs: .unicode)
            #expect(grid.lines[1].contains("Keys "), "\(grid)")
            for line in grid.lines.dropFirst(2).dropLast(2) {
                for row in rows where line.contains("  \(row.label.prefix(8))") {
                    labelsSeen[row.label] = line
                }
            }
            _ = state.update(.keyPressed(.down))
        }
        #expect(labelsSeen.count == Set(rows.map(\.label)).count, "some labels never showed: \(Set(rows.map(\.label)).subtracting(labelsSeen.keys))")
        for (label, line) in labelsSeen {
            #expect(line.contains(label) || line.contains("…"), "\(label) cut without a mark in \(line)")
        }
        #expect(state.helpOverlay?.scroll == rows.count - HelpLayout(rows: rows, width: 40, height: 8).visibleRows)
        _ = state.update(.keyPressed(.character("z")))
        #expect(state.helpOverlay == nil)
    }

    @Test("help at 60x20 shows every label whole")
    func helpAt60x20() {
        var state = ScreenFixtures.state(width: 60, height: 20)
        _ = state.update(.keyPressed(.character("?")))
        let rows = AppState.helpRows(state.keyMap, isDemo: false, sections: [])
        var text = ""
        for _ in 0..<rows.count {
            text += Screen.draw(state, glyphs: .unicode).lines.joined(separator: "\n")
            _ = state.update(.keyPressed(.pageDown))
        }
        #expect(rows.allSatisfy { text.contains($0.label) }, "\(Set(rows.map(\.label)).filter { !text.contains($0) })")
    }
}
