import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

@Suite("Filter, sort and selection by id")
struct FilterSortTests {
    @Test("the filter is incremental, case- and accent-insensitive, and Esc clears it")
    func filter() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("/"), .character("J"), .character("Y"), .character("V"))
        #expect(state.mode == .filtering)
        #expect(state.rowNames == ["Jyväskylä Service Station"])
        #expect(state.listPane.filterPrompt == "JYV")
        _ = state.press(.backspace, .backspace, .backspace, .character("n"), .character("o"))
        #expect(state.rowNames == ["Oslo Airport P3"])  // country "Norway"
        _ = state.press(.enter)
        #expect(state.mode == .browse)
        #expect(state.listPane.badges.contains(Span("filter: no", .accent)))
        #expect(state.listPane.position == "1/1 of 4")
        _ = state.press(.escape)
        #expect(state.rowNames.count == 4)
        #expect(state.current.selectedID == "L3")
    }

    @Test("a filter that matches nothing says so")
    func emptyFilter() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("/"), .character("z"), .character("z"))
        #expect(state.listPane.rows.isEmpty)
        #expect(state.listPane.emptyText?.contains("nothing matches \"zz\"") == true)
    }

    @Test("s cycles name, city, country, status and the selection follows the item")
    func sortKeepsSelection() {
        var state = Fixtures.loadedState()
        _ = state.press(.down, .down)  // Oslo
        _ = state.press(.character("s"))
        #expect(state.current.sort == .city)
        #expect(state.rowNames == ["Berlin Fleet Yard", "Jyväskylä Service Station", "Oslo Airport P3", "Vantaa Bus Depot"])
        _ = state.press(.character("s"))
        #expect(state.current.sort == .country)
        #expect(state.rowNames == ["Jyväskylä Service Station", "Vantaa Bus Depot", "Berlin Fleet Yard", "Oslo Airport P3"])
        #expect(state.current.selectedID == "L3")
        #expect(state.listPane.rows.first { $0.isSelected }?.cells[0] == "Oslo Airport P3")
    }

    @Test("sorts by folded fields: absent first, a prefix before its longer name, ties by the next field, then the server's order")
    func sortOrderDetails() {
        let locations = [
            Location(id: "A", name: "Depot", city: "Lahti2"), Location(id: "B", name: "Yard", city: "Lahti"),
            Location(id: "C", name: "Alpha"), Location(id: "D", name: "Zulu", city: "LAHTI"),
            Location(id: "E", name: "Bravo", city: "Ähtäri"), Location(id: "F", city: "aanekoski"),
            Location(id: "G", name: "yard", city: "Lahti"),
        ]
        var state = Fixtures.loadedState(locations: locations)
        #expect(state.rowNames == ["F", "Alpha", "Bravo", "Depot", "Yard", "yard", "Zulu"])
        _ = state.press(.character("s"))
        #expect(state.rowNames == ["Alpha", "F", "Bravo", "Yard", "yard", "Zulu", "Depot"])
    }

    @Test("the selection follows the item across a reload that reorders and adds items")
    func selectionAcrossReload() throws {
        var state = Fixtures.loadedState()
        _ = state.press(.down, .down)
        let (id, _) = try #require(AppState.loadID(state.press(.control("r"))))
        let reloaded = [Fixtures.location("L0", "Aalborg Depot", city: "Aalborg")] + Fixtures.locations.reversed()
        for message in Message.locationsArrived(id, reloaded) { _ = state.update(message) }
        #expect(state.current.selectedID == "L3")
        #expect(state.listPane.position == "4/5")
    }

    @Test("when the selected item disappears, the first item is selected")
    func selectionWhenItemGoes() throws {
        var state = Fixtures.loadedState()
        _ = state.press(.down)
        let (id, _) = try #require(AppState.loadID(state.press(.function(5))))
        for message in Message.locationsArrived(id, Array(Fixtures.locations.prefix(1))) { _ = state.update(message) }
        #expect(state.current.selectedID == "L1")
    }

    @Test("scrolling keeps the selection on screen")
    func scrolling() {
        var state = AppState(connectionLabel: "t", isDemo: false, now: Fixtures.start, timeZone: Fixtures.utc)
        _ = state.update(.resized(width: 80, height: 10))
        #expect(state.listRows == 4)
        let (id, _) = AppState.loadID(state.start())!
        let many = (0..<10).map { Fixtures.location("L\($0)", "Site \($0)", city: "C") }
        for message in Message.locationsArrived(id, many) { _ = state.update(message) }
        _ = state.press(.down, .down, .down, .down)
        #expect(state.current.scroll == 1)
        #expect(state.rowNames == ["Site 1", "Site 2", "Site 3", "Site 4"])
        // At 80x10 the list fills the body: frame at row 1, roll-up row 2, headings row 3.
        _ = state.update(.mouse(.click(column: 5, row: 3)))
        #expect(state.current.selectedID == "L4", "a click on the headings selects nothing")
        _ = state.update(.mouse(.click(column: 5, row: 4)))
        #expect(state.current.selectedID == "L1")
        _ = state.update(.mouse(.wheel(up: false, column: 5, row: 5)))
        #expect(state.current.selectedID == "L4")
    }

    @Test("plain ASCII folds directly to what Foundation's folding gives; other text goes through Foundation")
    func asciiFolding() {
        let ascii = String((0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) })
        for text in [ascii, "HELSINKI Depot-07", "", "MiXeD 123 _[]{}"] {
            #expect(Level.fold(text) == text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil))
        }
        #expect(Level.fold("Jyväskylä ＡＢＣ") == "jyvaskyla abc")
    }
}
