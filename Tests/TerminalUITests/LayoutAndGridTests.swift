import ChargEyeAPI
import Testing
import TerminalUI
import ViewModels

@Suite("Layout and the cell grid")
struct LayoutAndGridTests {
    @Test("arrangement by size", arguments: [
        (200, 50, Layout.Arrangement.sideBySide), (100, 30, .sideBySide), (80, 24, .stacked),
        (60, 20, .stacked), (59, 20, .single), (70, 12, .single), (40, 10, .single), (39, 24, .tooSmall), (80, 9, .tooSmall),
    ])
    func arrangement(width: Int, height: Int, expected: Layout.Arrangement) {
        let layout = Layout(width: width, height: height)
        #expect(layout.arrangement == expected)
        if expected != .tooSmall {
            #expect(layout.header == Rect(x: 0, y: 0, width: width, height: 1))
            #expect(layout.status == Rect(x: 0, y: height - 1, width: width, height: 1))
            #expect(layout.list.y == 1)
            #expect(layout.listRows >= 1)
        }
    }

    @Test("side by side splits the width; stacked splits the height")
    func splits() {
        let wide = Layout(width: 100, height: 30)
        #expect(wide.list.width + wide.detail.width == 100)
        #expect(wide.list.height == 28)
        #expect(wide.listRows == 24)
        let stacked = Layout(width: 80, height: 24)
        #expect(stacked.list.height + stacked.detail.height == 22)
        #expect(stacked.list.width == 80)
    }

    @Test("one pane at a time below 60 columns, the focused one")
    func single() {
        #expect(Layout(width: 50, height: 20).list.width == 50)
        #expect(Layout(width: 50, height: 20).detail.isEmpty)
        #expect(Layout(width: 50, height: 20, detailFocused: true).detail.width == 50)
    }

    @Test("wide characters take two cells; text is clipped at the limit and the edge")
    func wideCharacters() {
        var grid = CellGrid(width: 8, height: 2)
        #expect(grid.put("東京ab", x: 0, y: 0, role: .normal) == 6)
        #expect(grid.lines[0] == "東京ab  ")
        #expect(grid[1, 0].isContinuation)
        #expect(grid.put("東京", x: 7, y: 1, role: .normal) == 0)
        #expect(grid.put("abc東", x: 5, y: 1, role: .normal) == 3)
        #expect(grid.trimmedLines[1] == "     abc")
        #expect(grid.put("x", x: 0, y: 5, role: .normal) == 0)
        var overlap = CellGrid(width: 6, height: 1)
        overlap.put("a東b", x: 0, y: 0, role: .normal)
        overlap.put("|", x: 2, y: 0, role: .border)
        #expect(overlap.lines[0] == "a |b  ")
        overlap.put("東", x: 3, y: 0, role: .normal)
        #expect(overlap.lines[0] == "a |東 ")
        var empty = CellGrid(width: 0, height: 0)
        empty.put("x", x: 0, y: 0, role: .normal)
        empty.fill(Rect(x: 0, y: 0, width: 5, height: 5), role: .normal)
        #expect(empty.lines.isEmpty)
    }
}
