import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

/// The top level's Stations view (`S`), its problems filter (`!`) and the jump to a station's
/// location (`o`).
@Suite("The fleet's Stations view")
struct FleetViewTests {
    /// Five stations at three locations: healthy, faulted, offline (quiet longest), a faulted
    /// connector, and an offline one with no session at all.
    static let stations: [Station] = [
        station("H1", at: "L1", name: "Healthy"),
        station("F1", at: "L1", status: "Faulted", endedMinutesAgo: 30),
        station("O1", at: "L3", online: "Offline", endedMinutesAgo: 240),
        station("C1", at: "L2", connector: "Faulted", endedMinutesAgo: 10),
        station("O2", at: "L3", online: "Offline"),
    ]

    static func station(
        _ id: String, at location: String, name: String? = nil, status: String = "Operative", online: String = "Online",
        connector: String = "Available", endedMinutesAgo: Double? = nil
    ) -> Station {
        Station(
            stationId: id, name: name ?? id, status: .init(status), onlineStatus: .init(online),
            connectors: [Connector(
                connectorId: .case2("1"), _type: .init("CCS"), status: .init(connector),
                latestTransaction: endedMinutesAgo.map { ConnectorSession(txId: "t-\(id)", endTime: Fixtures.start.addingTimeInterval(-$0 * 60)) }
            )],
            location: .init(name: "Place \(location)"), locationUid: location
        )
    }

    /// The locations loaded, the fleet read answered, then `S`.
    func stationsView() throws -> AppState {
        var state = Fixtures.loadedState()
        _ = state.update(.loaded(try #require(state.fleet.requestID), .success(.fleet(FleetStations(collecting: Self.stations, source: .unfiltered)))))
        #expect(state.press(.character("S")).isEmpty, "the fleet read already made is shown; nothing is asked")
        return state
    }

    @Test("S shows every station worst first with where it is; S again returns to the locations as they were")
    func switchViews() throws {
        var state = Fixtures.loadedState()
        _ = state.press(.down, .down)
        let selected = state.current.selectedID
        _ = state.update(.loaded(try #require(state.fleet.requestID), .success(.fleet(FleetStations(collecting: Self.stations, source: .unfiltered)))))
        _ = state.press(.character("S"))
        #expect(state.current.kind == .fleetStations)
        #expect(state.listPane.title == "Stations · fleet")
        #expect(state.rowNames == ["F1", "O1", "O2", "C1", "Healthy"])
        #expect(state.listPane.rows[0].cells[1] == "Place L1")
        #expect(state.fleetSummary?.scope == "Fleet")
        _ = state.press(.character("S"))
        #expect(state.current.kind == .locations && state.current.selectedID == selected)
    }

    @Test("! keeps the stations that need attention, longest quiet first among equals, with what is wrong")
    func problems() throws {
        var state = try stationsView()
        _ = state.press(.character("!"))
        #expect(state.listPane.title == "Problems · fleet")
        #expect(state.rowNames == ["F1", "O1", "O2", "C1"])
        #expect(state.listPane.rows.map { $0.cells[2] } == ["Faulted", "Offline", "Offline", "1 connector Faulted"])
        #expect(state.listPane.rows[1].cells[3] == "4 h ago" && state.listPane.rows[2].cells[3] == "-")
        _ = state.press(.character("!"))
        #expect(state.rowNames.count == 5)
    }

    @Test("Enter opens the station's connectors; o opens its location with the station selected")
    func drillAndJump() throws {
        var state = try stationsView()
        _ = state.press(.down)
        #expect(state.current.selectedID == "O1")
        #expect(state.press(.enter).isEmpty)
        #expect(state.current.kind == .connectors(LocationRef(id: "L3", name: "Place L3"), stationId: "O1"))
        _ = state.press(.escape)
        let effects = state.press(.character("o"))
        #expect(AppState.loadID(effects)?.1 == .stations(locationUid: "L3"))
        #expect(state.stack.map(\.kind) == [.locations, .stations(LocationRef(id: "L3", name: "Place L3"))])
        #expect(state.stack[0].selectedID == "L3" && state.current.selectedID == "O1")
    }

    @Test("a refresh of the Stations view keeps the selection on the same station as the order changes")
    func selectionSurvives() throws {
        var state = try stationsView()
        _ = state.press(.down, .down)
        #expect(state.current.selectedID == "O2")
        guard case .load(let id, .fleet)? = state.update(.tick(Fixtures.start.addingTimeInterval(state.refreshInterval))).first else {
            Issue.record("the Stations view refreshes like a live view")
            return
        }
        var changed = Self.stations
        changed[1] = Self.station("F1", at: "L1")
        _ = state.update(.loaded(id, .success(.fleet(FleetStations(collecting: changed, source: .unfiltered)))))
        #expect(state.current.selectedID == "O2")
        #expect(state.rowNames.first == "O1")
        #expect(state.changedIDs == ["F1"])
        #expect(state.fleet.totals?.faultedStations == 0, "the Stations view's read is the fleet's too")
    }

    @Test("S while the fleet is still being read takes that read over instead of starting another; leaving hands it back")
    func handOver() throws {
        var state = Fixtures.loadedState()
        let background = try #require(state.fleet.requestID)
        #expect(state.press(.character("S")).isEmpty, "no cancel, no second read")
        #expect(state.current.load.requestID == background && state.fleet.requestID == nil)
        #expect(state.listPane.emptyText == "loading…")
        _ = state.update(.fleetProgress(background, FleetProgress(done: 3, total: 12)))
        #expect(state.fleetSummary?.scope == "Fleet (reading 3/12 locations)")
        _ = state.press(.character("S"))
        #expect(state.fleet.requestID == background, "the read goes on for the roll-ups")
        _ = state.update(.loaded(background, .success(.fleet(FleetStations(collecting: Self.stations, source: .unfiltered)))))
        #expect(state.fleet.totals?.stations == 5 && state.requests.entries.isEmpty)
        _ = state.press(.character("S"))
        #expect(state.rowNames.first == "F1", "the Stations view shows the read it handed back")
    }

    /// The Stations view on the fleet's first read, the first two stations of its answer in.
    static func stationsViewWithFirstTwo() throws -> (AppState, RequestID) {
        var state = Fixtures.loadedState()
        let read = try #require(state.fleet.requestID)
        _ = state.press(.character("S"))
        _ = state.update(.fleetProgress(read, FleetProgress(done: 0, total: 0, stations: 2, soFar: StationTable(Self.stations[0..<2]))))
        return (state, read)
    }

    @Test("a first read shows its stations as they arrive, worst first; a view left and found again mid-read shows everything so far")
    func firstRowsWhileStreaming() throws {
        let (streaming, read) = try Self.stationsViewWithFirstTwo()
        var state = streaming
        #expect(state.rowNames == ["F1", "Healthy"])
        #expect(state.current.isStreaming && state.listPane.badges.contains { $0.text == "loading…" })
        _ = state.update(.fleetProgress(read, FleetProgress(done: 0, total: 0, stations: 5, soFar: StationTable(Self.stations))))
        #expect(state.rowNames == ["F1", "O1", "O2", "C1", "Healthy"])
        _ = state.update(.loaded(read, .success(.fleet(FleetStations(collecting: Self.stations, source: .unfiltered)))))
        #expect(!state.current.isStreaming && state.rowNames.count == 5)

        // Left mid-read and back: each report carries every station so far, so the next one
        // shows them all, not only the ones that came while the view was away.
        var again = Fixtures.loadedState()
        let second = try #require(again.fleet.requestID)
        _ = again.press(.character("S"))
        _ = again.update(.fleetProgress(second, FleetProgress(done: 0, total: 0, stations: 2, soFar: StationTable(Self.stations[0..<2]))))
        _ = again.press(.character("S"))
        _ = again.press(.character("S"))
        _ = again.update(.fleetProgress(second, FleetProgress(done: 0, total: 0, stations: 5, soFar: StationTable(Self.stations))))
        #expect(again.rowNames == ["F1", "O1", "O2", "C1", "Healthy"])
        _ = again.update(.loaded(second, .success(.fleet(FleetStations(collecting: Self.stations, source: .unfiltered)))))
        #expect(again.rowNames.count == 5)
    }

    @Test("an answer that starts over mid-read replaces the rows shown, and the filter searches the new ones")
    func streamStartsOver() throws {
        let (streaming, read) = try Self.stationsViewWithFirstTwo()
        var state = streaming
        #expect(state.rowNames == ["F1", "Healthy"])
        // The collector started over (an irregular answer decoded whole): a new table, not a longer one.
        let again = StationTable(Self.stations[2...])
        _ = state.update(.fleetProgress(read, FleetProgress(done: 0, total: 0, stations: 3, soFar: again)))
        #expect(state.rowNames == ["O1", "O2", "C1"])
        _ = state.press(.character("/"), .character("O"), .character("2"))
        #expect(state.rowNames == ["O2"])
    }

    @Test("a first read stopped mid-way stays INCOMPLETE through a reload that fails, until one comes whole")
    func stoppedReadStaysIncomplete() throws {
        let (streaming, read) = try Self.stationsViewWithFirstTwo()
        var state = streaming
        _ = state.press(.escape)
        #expect(state.listPane.badges.first == Span("INCOMPLETE", .warning))
        let (reload, _) = try #require(AppState.loadID(state.press(.character("r"))))
        #expect(state.listPane.badges.first == Span("INCOMPLETE", .warning), "the rows shown are still the part that came")
        _ = state.update(.loaded(reload, .failure(Fixtures.unavailable)))
        #expect(state.rowNames.count == 2 && state.listPane.badges.first == Span("INCOMPLETE", .warning))
        _ = state.press(.escape)
        let (again, _) = try #require(AppState.loadID(state.press(.character("r"))))
        _ = state.update(.loaded(again, .success(.fleet(FleetStations(collecting: Self.stations, source: .unfiltered)))))
        #expect(state.rowNames.count == 5 && !state.listPane.badges.contains { $0.text == "INCOMPLETE" })
    }

    @Test("--view problems opens on the fleet's problems with one read; S then loads the locations")
    func startInProblems() throws {
        var state = AppState(connectionLabel: "test", isDemo: false, now: Fixtures.start, timeZone: Fixtures.utc)
        _ = state.update(.resized(width: 80, height: 24))
        state.startView = .problems
        let effects = state.start()
        let (read, request) = try #require(AppState.loadID(effects))
        #expect(request == .fleet && effects.filter { if case .load = $0 { true } else { false } }.count == 1)
        #expect(state.listPane.title == "Problems · fleet")
        _ = state.update(.loaded(read, .success(.fleet(FleetStations(collecting: Self.stations, source: .unfiltered)))))
        #expect(state.rowNames == ["F1", "O1", "O2", "C1"])
        #expect(state.fleet.totals?.stations == 5)
        guard case .load(_, .locations)? = state.press(.character("S")).first else {
            Issue.record("the locations are loaded when first switched to")
            return
        }
        #expect(state.current.kind == .locations)
    }

    @Test("the Stations view names S for the way back, offers v for the station's location, and a failed read leaves no progress")
    func details() throws {
        var state = try stationsView()
        #expect(state.statusBar.hints.contains { $0.key == "S" && $0.label == "locations" })
        guard case .load(_, .vehicles(locationUid: "L1"))? = state.press(.character("v")).first else {
            Issue.record("v lists the vehicles of the station's location")
            return
        }
        _ = state.press(.escape)
        guard case .load(let id, .fleet)? = state.press(.control("r")).first else {
            Issue.record("a reload of the Stations view reads the fleet")
            return
        }
        _ = state.update(.fleetProgress(id, FleetProgress(done: 5, total: 12)))
        _ = state.update(.loaded(id, .failure(Fixtures.unavailable)))
        #expect(state.fleetSummary?.scope == "Fleet")
        #expect(state.listPane.badges.contains { $0.text == "STALE" })
    }

    @Test("! on a location's stations shows a badge, and Esc shows all again")
    func problemsOnALocation() throws {
        var state = try Fixtures.stationsState()
        _ = state.press(.character("!"))
        #expect(state.rowNames == ["Bay 5"])
        #expect(state.listPane.badges.contains(Span("problems only", .accent)))
        _ = state.press(.escape)
        #expect(state.rowNames.count == 2 && state.current.kind != .locations)
    }

    @Test("! and o say where they work")
    func outsideTheirViews() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("!"))
        #expect(state.statusBar.activity?.text.hasPrefix("only lists of stations") == true)
        _ = state.press(.character("o"))
        #expect(state.statusBar.activity?.text.hasPrefix("o goes from a station of the Stations view") == true)
    }
}
