import ChargEyeAPI
import ChargEyeText
import Testing
@testable import TerminalUI
@testable import ViewModels

@Suite("Pane views drawn into a grid")
struct PaneViewTests {
    private func draw(_ body: (inout CellGrid) -> Void, width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        body(&grid)
        return grid
    }

    @Test("the list pane at 80 columns: title, position, headings, rows, wide characters aligned")
    func listPane() {
        let state = ScreenFixtures.state()
        let grid = draw({ ListPaneView.draw(state.listPane, summary: state.fleetSummary, in: Rect(x: 0, y: 0, width: 80, height: 7), glyphs: .unicode, into: &$0) }, width: 80, height: 7)
        #expect(grid.trimmedLines == [
            "┌─ Locations 1/3 as of 16:00:00 ───────────────────────────────────────────────┐",
            "│Fleet · 3 st 1 off 1 flt · 5 conn 1 flt 2 unav            ████▓▓▓▓▓▓▓▓▒▒▒▒░░░░│",
            "│NAME                                         CITY   CC STATUS                 │",
            "│Acme Depot Vantaa                            Vantaa FI 2 st 1 chg 1 free 2 flt│",
            "│Café Charge 🚌                               Paris  FR 1 st 0 chg 0 free 1 off│",
            "│東京 Bus Depot                               東京   JP 0 st 0 chg 0 free      │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
        ])
        #expect(grid[1, 3].role == .selected)
        #expect(grid[1, 4].role == .warning, "a location with a station offline")
        #expect(grid[1, 5].role == .normal)
    }

    @Test("a narrow roll-up leaves counts out whole, marked, never cut mid-number; short words are made ASCII too")
    func narrowRollup() {
        let state = ScreenFixtures.state()
        let summary = FleetSummary(scope: "Fleet", segments: [
            .init(text: "3 stations", shortText: "3 st", word: "st", role: .normal, isActive: false, isGroup: true, facet: nil),
            .init(text: "1 Faulted", shortText: "1 flt", role: .critical, isActive: false, isGroup: false, facet: nil),
            .init(text: "12 connectors", shortText: "12 conn", word: "conn", role: .normal, isActive: false, isGroup: true, facet: nil),
            .init(text: "2 Défaillant", shortText: "2 Défaillant", role: .warning, isActive: false, isGroup: false, facet: nil),
        ], shares: [.init(kind: .fault, count: 1), .init(kind: .attention, count: 2)])
        func line(_ width: Int) -> String {
            let grid = draw({ ListPaneView.draw(state.listPane, summary: summary, in: Rect(x: 0, y: 0, width: width, height: 5), glyphs: .unicode, into: &$0) }, width: width, height: 5)
            return String(grid.trimmedLines[1].dropFirst().dropLast())
        }
        #expect(line(60) == "Fleet · 3 st 1 flt · 12 conn 2 Défaillant █████▓▓▓▓▓▓▓▓▓▓▓")
        #expect(line(43) == "Fleet · 3 st 1 flt · 12 conn 2 Défaillant", "no room for the bar")
        #expect(line(40) == "Fleet · st 1 flt · conn 2 Défaillant  ", "the totals' numbers give way to the trouble")
        #expect(line(32) == "Fleet · st 1 flt · conn…      ", "then counts, whole, marked")
        let ascii = summary.mappingText(ASCIIText.text, keys: ASCIIText.keys)
        #expect(ascii.segments.allSatisfy { $0.shortText.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test("panes in tiny and empty rectangles draw inside them and nowhere else", arguments: [(0, 0), (1, 1), (3, 2), (10, 3)])
    func tinyRects(width: Int, height: Int) {
        let state = ScreenFixtures.failedState()
        let rect = Rect(x: 2, y: 2, width: width, height: height)
        let line = Rect(x: 2, y: 2, width: width, height: min(1, height))
        var grid = CellGrid(width: width + 4, height: height + 4)
        ListPaneView.draw(state.listPane, in: rect, glyphs: .ascii, into: &grid)
        DetailPaneView.draw(state.detailPane, in: rect, glyphs: .ascii, into: &grid)
        StatusBarView.draw(state.statusBar, in: line, into: &grid)
        HeaderView.draw(state.header, in: line, glyphs: .ascii, into: &grid)
        for y in 0..<grid.height {
            for x in 0..<grid.width where !rect.contains(x: x, y: y) {
                #expect(grid[x, y].character == " " && grid[x, y].role == .normal, "a cell drawn outside the rectangle at \(x),\(y):\n\(grid)")
            }
        }
    }

    @Test("the error pane at the smallest size stays inside the body, its keys on its last row")
    func errorPaneAtTheSmallestSize() throws {
        let state = ScreenFixtures.failedState(width: 40, height: 10)
        let layout = state.layout
        var grid = CellGrid(width: 40, height: 10)
        ErrorPaneView.draw(try #require(state.errorPane), layout: layout, glyphs: .ascii, into: &grid)
        for y in [0, 9] { #expect(grid.lines[y].trimmingCharacters(in: .whitespaces).isEmpty, "row \(y) is not the body's: \(grid)") }
        #expect(grid.lines[7].contains("r retry"), "\(grid)")
        #expect(grid.lines[8].hasPrefix(" +-"), "\(grid)")
    }

    @Test("the detail pane labels every field, with the as-of time")
    func detailPane() {
        let state = ScreenFixtures.state()
        let grid = draw({ DetailPaneView.draw(state.detailPane, in: Rect(x: 0, y: 0, width: 50, height: 14), glyphs: .ascii, into: &$0) }, width: 50, height: 14)
        #expect(grid.trimmedLines[0] == "+- Acme Depot Vantaa ----------------------------+")
        #expect(grid.trimmedLines[1] == "|         id LF59aGkk2t                          |")
        #expect(grid.trimmedLines.contains("|coordinates 60.2934, 25.0378                    |"))
        #expect(grid.trimmedLines.contains("|      as of 2025-11-24 16:00:00                 |"))
    }

    @Test("the status bar shows the countdown left and key hints right")
    func statusBar() {
        let state = ScreenFixtures.state()
        let grid = draw({ StatusBarView.draw(state.statusBar, in: Rect(x: 0, y: 0, width: 80, height: 1), into: &$0) }, width: 80, height: 1)
        #expect(grid.lines[0].hasPrefix(" token 7h 59m "))
        #expect(grid.trimmedLines[0].contains("Enter open  Esc back  / filter  ? help  q quit"))
        #expect(grid[1, 0].role == .ok)
    }

    @Test("hostile names are drawn without their escape sequences, controls or bidi overrides")
    func hostileText() throws {
        var state = AppState(connectionLabel: "evil\u{1B}]0;title\u{07}", isDemo: false, now: ScreenFixtures.now)
        _ = state.update(.resized(width: 100, height: 30))
        var firstLoad: RequestID?
        for case .load(let id, .locations) in state.start() { firstLoad = id }
        let id = try #require(firstLoad)
        let hostile = Location(
            id: "X\u{1B}[2J", name: "Depot\u{1B}]52;c;cHduZWQ=\u{07} \u{202E}gnp.exe\u{9B}31m" + String(repeating: "A", count: 10_000),
            city: "C\u{0}ity\u{7F}", country: "\u{1B}[31mRed"
        )
        for message in Message.locationsArrived(id, [hostile]) { _ = state.update(message) }
        let grid = Screen.draw(state)
        let text = grid.lines.joined(separator: "\n")
        #expect(text.contains("Depot gnp.exeAAAA"))
        #expect(text.contains("City"))
        #expect(text.contains("evil"))
        for scalar in text.unicodeScalars {
            #expect(!(scalar.value < 0x20 && scalar != "\n") && !(0x7F...0x9F).contains(scalar.value) && !(0x202A...0x202E).contains(scalar.value))
        }
    }

    @Test("the header carries the DEMO badge in demo mode")
    func header() {
        var state = ScreenFixtures.state()
        state.isDemo = true
        let grid = draw({ HeaderView.draw(state.header, in: Rect(x: 0, y: 0, width: 60, height: 1), glyphs: .unicode, into: &$0) }, width: 60, height: 1)
        #expect(grid.trimmedLines[0] == " chargeye  DEMO  kempower.io · Locations")
        #expect(grid[11, 0].role == .badge)
    }
}

@Suite("Gauges and the roll-up's bar as text")
struct GaugeViewTests {
    static func text(_ gauge: Gauge, width: Int, ascii: Bool) -> String {
        GaugeView.runs(gauge, width: width, ascii: ascii).map(\.0).joined()
    }

    @Test("power: filled to the reading in eighths, the rest shaded, a reading above the maximum clipped")
    func level() {
        #expect(Self.text(.level(fraction: 0.5, clipped: false), width: 10, ascii: false) == "█████░░░░░")
        #expect(Self.text(.level(fraction: 0.55, clipped: false), width: 10, ascii: false) == "█████▌░░░░")
        #expect(Self.text(.level(fraction: 0.55, clipped: false), width: 10, ascii: true) == "#####+....")
        #expect(Self.text(.level(fraction: 1, clipped: true), width: 10, ascii: false) == "█████████▶")
        #expect(Self.text(.level(fraction: 1, clipped: true), width: 10, ascii: true) == "#########>")
        #expect(Self.text(.level(fraction: 0, clipped: false), width: 4, ascii: true) == "....")
    }

    @Test("state of charge: what it had, what this session added, what is left to the limit, the limit, above it")
    func charge() {
        #expect(Self.text(.charge(start: 0.2, now: 0.6, limit: 0.8), width: 10, ascii: false) == "▒▒████░░│·")
        #expect(Self.text(.charge(start: 0.2, now: 0.6, limit: 0.8), width: 10, ascii: true) == "::####--|.")
        #expect(Self.text(.charge(start: nil, now: 0.3, limit: 1), width: 10, ascii: true) == "###-------")
        #expect(Self.text(.charge(start: 0.5, now: 0.5, limit: nil), width: 4, ascii: true) == "::--")
    }

    @Test("every gauge is exactly as wide as asked", arguments: [1, 2, 7, 24])
    func widths(width: Int) {
        for gauge in [Gauge.level(fraction: 0.37, clipped: false), .level(fraction: 1, clipped: true), .charge(start: 0.1, now: 0.97, limit: 0.99)] {
            for ascii in [false, true] {
                #expect(Self.text(gauge, width: width, ascii: ascii).count == width, "\(gauge) at \(width)")
            }
        }
    }

    @Test("the bar's cells: in proportion, every kind present keeps a cell, the width is filled exactly")
    func shareCells() {
        #expect(ShareBarView.cells([1, 0, 500, 4499], width: 20) == [1, 0, 2, 17])
        #expect(ShareBarView.cells([5, 5, 5, 5], width: 20) == [5, 5, 5, 5])
        #expect(ShareBarView.cells([1, 1, 1, 1], width: 6) == [2, 2, 1, 1])
        #expect(ShareBarView.cells([0, 0, 0, 0], width: 20) == [0, 0, 0, 0])
        for counts in [[3, 7, 1, 9999], [1, 1, 1, 100_000], [0, 2, 0, 1]] {
            for width in ShareBarView.widths {
                let cells = ShareBarView.cells(counts, width: width)
                #expect(cells.reduce(0, +) == width)
                #expect(zip(counts, cells).allSatisfy { $0.0 == 0 ? $0.1 == 0 : $0.1 >= 1 }, "\(counts) at \(width): \(cells)")
            }
        }
    }
}
