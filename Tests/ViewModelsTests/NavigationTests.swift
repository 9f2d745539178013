import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

@Suite("Navigation, drill-in and back")
struct NavigationTests {
    @Test("start loads locations; they are listed by name with a position")
    func startAndList() {
        let state = Fixtures.loadedState()
        #expect(state.rowNames == ["Berlin Fleet Yard", "Jyväskylä Service Station", "Oslo Airport P3", "Vantaa Bus Depot"])
        #expect(state.listPane.title == "Locations")
        #expect(state.listPane.position == "1/4")
        #expect(state.listPane.rows.first?.isSelected == true)
    }

    @Test("j/k, arrows, g/G and page keys move the selection within bounds")
    func movement() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("j"), .down)
        #expect(state.current.selectedID == "L3")
        _ = state.press(.character("G"))
        #expect(state.current.selectedID == "L1")
        _ = state.press(.down)
        #expect(state.current.selectedID == "L1")
        _ = state.press(.character("g"))
        #expect(state.current.selectedID == "L4")
        _ = state.press(.up)
        #expect(state.current.selectedID == "L4")
        _ = state.press(.pageDown)
        #expect(state.current.selectedID == "L1")
        _ = state.press(.control("b"))
        #expect(state.current.selectedID == "L4")
    }

    @Test("Enter drills into stations, a station, its transactions; Esc comes back with the selection intact")
    func drillInAndBack() throws {
        var state = Fixtures.loadedState()
        _ = state.press(.down, .down)  // Oslo
        let effects = state.press(.enter)
        let (id, request) = try #require(AppState.loadID(effects))
        #expect(request == .stations(locationUid: "L3"))
        #expect(state.listPane.title == "Stations · Oslo Airport P3")
        #expect(state.listPane.emptyText == "loading…")
        _ = state.update(.loaded(id, .success(.stations(Fixtures.stations))))
        #expect(state.rowNames == ["Bay 5", "Hall A"])
        _ = state.press(.down)
        #expect(state.press(.enter).isEmpty)  // connectors come with the station
        #expect(state.listPane.title == "Connectors · S1")
        #expect(state.listPane.rows.map { $0.cells[2] } == ["Charging", "Available"])
        let transactions = try #require(AppState.loadID(state.press(.enter)))
        #expect(transactions.1 == .transactions(stationId: "S1", cursor: nil))
        _ = state.press(.escape)
        #expect(state.listPane.title == "Connectors · S1")
        _ = state.press(.backspace)
        #expect(state.current.selectedID == "S1")
        _ = state.press(.escape)
        #expect(state.current.kind == .locations)
        #expect(state.current.selectedID == "L3")
        _ = state.press(.escape)
        #expect(state.stack.count == 1)
    }

    @Test("a late reply for a level that was left is dropped")
    func staleRepliesAreDropped() throws {
        var state = Fixtures.loadedState()
        let (id, _) = try #require(AppState.loadID(state.press(.enter)))
        _ = state.press(.escape)
        _ = state.update(.loaded(id, .success(.stations(Fixtures.stations))))
        #expect(state.stack.count == 1)
        #expect(state.rollups.isEmpty)
    }

    @Test("v opens the vehicles of the selected location")
    func vehicles() throws {
        var state = Fixtures.loadedState()
        let (_, request) = try #require(AppState.loadID(state.press(.character("v"))))
        #expect(request == .vehicles(locationUid: "L4"))
        #expect(state.listPane.title == "Vehicles · Berlin Fleet Yard")
    }

    @Test("loaded stations give the location a status roll-up, which the status sort uses")
    func rollups() throws {
        var state = Fixtures.loadedState()
        let (id, _) = try #require(AppState.loadID(state.press(.down, .enter)))
        _ = state.update(.loaded(id, .success(.stations(Fixtures.stations))))
        _ = state.press(.escape)
        let row = try #require(state.listPane.rows.first { $0.cells[0] == "Jyväskylä Service Station" })
        #expect(row.cells[3] == "2 st 1 chg 1 free 2 flt")
        #expect(row.role == .normal || row.role == .warning)
        _ = state.press(.character("s"), .character("s"), .character("s"))
        #expect(state.current.sort == .status)
        #expect(state.rowNames.first == "Jyväskylä Service Station")
    }

    @Test("Tab moves focus to the detail pane, where movement keys scroll it, up to its last line")
    func focus() {
        var state = Fixtures.loadedState()
        _ = state.press(.tab)
        #expect(state.focus == .detail)
        #expect(state.detailPane.isFocused)
        let last = state.detailPane.lines.count - state.layout.detailText.height
        #expect(last > 0, "the 80x24 detail pane should scroll")
        _ = state.press(.down)
        #expect(state.detailPane.scroll == 1)
        _ = state.press(.pageDown, .pageDown, .pageDown)
        #expect(state.detailScroll == last, "scrolling stops where the last line shows")
        _ = state.press(.up)
        #expect(state.detailPane.scroll == last - 1, "one key back up moves at once")
        #expect(state.current.selectedID == "L4")
        _ = state.press(.escape)
        #expect(state.focus == .list)
    }

    @Test("q and Ctrl-C quit; c copies the selected id")
    func quitAndCopy() {
        var state = Fixtures.loadedState()
        #expect(state.press(.character("c")) == [.copyToClipboard("L4")])
        #expect(state.press(.character("q")) == [.quit])
        #expect(state.press(.control("c")) == [.quit])
    }
}

@Suite("Hiding the detail pane and stopping loads")
struct DetailToggleAndCancelTests {
    @Test("d hides and shows the detail pane; the list's height follows from the layout")
    func toggleDetail() {
        var state = Fixtures.loadedState()
        #expect(state.listRows == 9)
        #expect(state.update(.keyPressed(.character("d"))).isEmpty)
        #expect(state.detailHidden)
        #expect(state.listRows == 18)
        #expect(state.update(.keyPressed(.character("d"))).isEmpty)
        #expect(!state.detailHidden)
        #expect(state.listRows == 9)
    }

    @Test("Esc while the first list loads stops the call (the fleet is read after it); Esc on a loading level leaves it and stops its call")
    func escapeCancels() {
        var state = AppState(connectionLabel: "test", isDemo: false, now: Fixtures.start)
        guard let (id, _) = AppState.loadID(state.start()) else { Issue.record("no first load"); return }
        #expect(state.fleet.requestID == nil, "the fleet waits for the locations")
        #expect(state.update(.keyPressed(.escape)) == [.cancel(id)])
        #expect(state.nextFleetRefresh == Fixtures.start.addingTimeInterval(state.refreshInterval), "the fleet goes on its refresh schedule")
        #expect(!state.current.isLoading && !state.fleet.isLoading)
        #expect(Message.locationsArrived(id, Fixtures.locations).flatMap { state.update($0) }.isEmpty)
        #expect(state.current.data == nil, "a cancelled answer is dropped")

        var loaded = Fixtures.loadedState()
        let effects = loaded.update(.keyPressed(.enter))
        guard case .load(let stations, _)? = effects.first, let (hardware, _) = AppState.hardwareLoadID(effects) else {
            Issue.record("no stations load")
            return
        }
        #expect(loaded.update(.keyPressed(.escape)) == [.cancel(stations), .cancel(hardware)], "the asset call goes with its level")
        #expect(loaded.stack.count == 1)
    }
}
