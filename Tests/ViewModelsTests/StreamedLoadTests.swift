import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

@Suite("A list that arrives in parts")
struct StreamedLoadTests {
    private static func part(_ locations: [Location], replacing: Bool = false) -> LocationPart {
        LocationPart(locations: LocationTable(locations), replacesEarlierParts: replacing)
    }

    /// What a streamed answer hands the state: everything so far, after each part in turn.
    private struct Arrivals {
        private var soFar = LocationsSoFar()

        mutating func add(_ locations: [Location], replacing: Bool = false, ordered: Bool = false) -> LocationsSoFar {
            soFar.add(StreamedLoadTests.part(locations, replacing: replacing))
            if ordered { soFar.orderNewRows() }
            return soFar
        }
    }

    /// The browser at 80x24 with its first load of locations in flight.
    private static func firstLoad() throws -> (AppState, RequestID) {
        var state = AppState(connectionLabel: "test", isDemo: false, now: Fixtures.start, timeZone: Fixtures.utc)
        _ = state.update(.resized(width: 80, height: 24))
        let (id, _) = try #require(AppState.loadID(state.start()))
        return (state, id)
    }

    /// Locations with names, cities and countries that tie, differ only in case or accents,
    /// or are missing, in a shuffled order.
    private static func mixedLocations(_ count: Int) -> [Location] {
        var generator = SystemRandomNumberGenerator()
        let names = ["Depot", "depot", "Dépôt", "Yard", "", "Ålesund Hub", "Zürich", "Airport P1", "airport p1"]
        let cities = ["Oslo", "oslo", "Espoo", "Évry", "", "Zug"]
        let countries = ["Norway", "Finland", "France", ""]
        return (0..<count).map { number in
            var location = Fixtures.location(
                "L\(number)", names.randomElement(using: &generator)!, city: cities.randomElement(using: &generator)!,
                country: countries.randomElement(using: &generator)!
            )
            if number % 7 == 0 { location.name = nil }
            if number % 11 == 0 { location.city = nil }
            return location
        }
    }

    @Test("a list that streams in keeps the order a whole list gets, for each sort, with its index folded and its name order kept by the reader or not")
    func streamedOrder() throws {
        let locations = Self.mixedLocations(600)
        for sortPresses in 0..<3 {
            for (readerFolds, readerOrders) in [(true, true), (true, false), (false, false)] {
                var (whole, wholeID) = try Self.firstLoad()
                var (streamed, id) = try Self.firstLoad()
                for _ in 0..<sortPresses {
                    _ = whole.press(.character("s"))
                    _ = streamed.press(.character("s"))
                }
                _ = whole.update(.loadedPart(wholeID, LocationsSoFar(locations: LocationTable(locations))))
                var arrivals = Arrivals()
                var soFar = LocationsSoFar()
                var start = 0
                for size in [1, 2, 50, 147, 400] {
                    let part = Array(locations[start..<start + size])
                    start += size
                    soFar.locations.append(contentsOf: part)
                    _ = streamed.update(.loadedPart(id, readerFolds ? arrivals.add(part, ordered: readerOrders) : soFar))
                    #expect(streamed.current.visible.count == start)
                }
                let ids = { (state: AppState) in state.current.visible.map { state.current.data!.id(at: $0) } }
                #expect(ids(streamed) == ids(whole), "sort \(streamed.current.sort), reader folds: \(readerFolds), orders: \(readerOrders)")
                #expect(streamed.current.searchIndex == whole.current.searchIndex)
            }
        }
    }

    @Test("a first load shows each part as it arrives, later parts add to it, the end makes it complete")
    func partsThenEnd() throws {
        var (state, id) = try Self.firstLoad()
        var arrivals = Arrivals()
        _ = state.update(.loadedPart(id, arrivals.add([Fixtures.location("N1", "Aalborg Harbour", city: "Aalborg")])))
        #expect(state.rowNames == ["Aalborg Harbour"])
        #expect(state.listPane.position == "1/1+")
        #expect(state.listPane.badges.contains(Span("loading…", .accent)))
        _ = state.update(.loadedPart(id, arrivals.add(Array(Fixtures.locations.prefix(2)))))
        #expect(state.rowNames == ["Aalborg Harbour", "Jyväskylä Service Station", "Vantaa Bus Depot"])
        _ = state.update(.loaded(id, .success(.locationsStreamed(count: 3))))
        #expect(state.listPane.position == "1/3")
        #expect(!state.current.isLoading)
        #expect(!state.listPane.badges.contains { $0.text == "loading…" || $0.text == "INCOMPLETE" })
    }

    @Test("while parts arrive, an untouched selection stays on the first row; a chosen one stays on its item")
    func selectionWhileStreaming() throws {
        var (state, id) = try Self.firstLoad()
        var arrivals = Arrivals()
        // The server's order is not the list's: the first part's row sorts last.
        _ = state.update(.loadedPart(id, arrivals.add([Fixtures.location("Z1", "Zürich Depot", city: "Zürich")])))
        _ = state.update(.loadedPart(id, arrivals.add(Array(Fixtures.locations.prefix(2)))))
        #expect(state.rowNames.last == "Zürich Depot")
        #expect(state.listPane.position.hasPrefix("1/3"))
        _ = state.press(.down)
        let chosen = state.current.selectedID
        _ = state.update(.loadedPart(id, arrivals.add([Fixtures.location("A1", "Aalborg Harbour", city: "Aalborg")])))
        _ = state.update(.loaded(id, .success(.locationsStreamed(count: 4))))
        #expect(state.current.selectedID == chosen)
        #expect(state.listPane.position == "3/4")
    }

    @Test("a reload keeps the last good list on screen until the new one is whole; a failure midway leaves it, STALE")
    func reloadKeepsTheList() throws {
        var state = Fixtures.loadedState()
        let (id, _) = try #require(AppState.loadID(state.press(.control("r"))))
        var arrivals = Arrivals()
        _ = state.update(.loadedPart(id, arrivals.add([Fixtures.location("N1", "Aalborg Harbour", city: "Aalborg")])))
        #expect(state.rowNames.count == 4)
        #expect(state.listPane.position == "1/4")
        #expect(state.listPane.badges.contains(Span("refreshing…", .accent)))
        _ = state.update(.loadedPart(id, arrivals.add(Array(Fixtures.locations.prefix(2)))))
        _ = state.update(.loaded(id, .success(.locationsStreamed(count: 3))))
        #expect(state.rowNames == ["Aalborg Harbour", "Jyväskylä Service Station", "Vantaa Bus Depot"])

        let (again, _) = try #require(AppState.loadID(state.press(.control("r"))))
        var more = Arrivals()
        _ = state.update(.loadedPart(again, more.add(Array(Fixtures.locations.prefix(1)))))
        _ = state.update(.loaded(again, .failure(Fixtures.unavailable)))
        #expect(state.rowNames == ["Aalborg Harbour", "Jyväskylä Service Station", "Vantaa Bus Depot"])
        #expect(state.listPane.badges.first == Span("STALE", .warning))
        #expect(state.errorPane != nil)
    }

    @Test("the filter finds items of later parts too")
    func filterCoversLaterParts() throws {
        var state = Fixtures.loadedState()
        let (id, _) = try #require(AppState.loadID(state.press(.control("r"))))
        var arrivals = Arrivals()
        _ = state.update(.loadedPart(id, arrivals.add(Array(Fixtures.locations.prefix(1)))))
        _ = state.update(.loadedPart(id, arrivals.add(Array(Fixtures.locations.suffix(3)))))
        _ = state.update(.loaded(id, .success(.locationsStreamed(count: 4))))
        _ = state.press(.character("/"))
        for character in "jyvas" { _ = state.press(.character(character)) }
        #expect(state.rowNames == ["Jyväskylä Service Station"])
    }

    @Test("a part marked as replacing starts the list over")
    func replacingPart() throws {
        var state = Fixtures.loadedState()
        let (id, _) = try #require(AppState.loadID(state.press(.control("r"))))
        var arrivals = Arrivals()
        _ = state.update(.loadedPart(id, arrivals.add(Fixtures.locations)))
        _ = state.update(.loadedPart(id, arrivals.add([Fixtures.location("D1", "First name", city: "Dup")], replacing: true)))
        _ = state.update(.loaded(id, .success(.locationsStreamed(count: 1))))
        #expect(state.rowNames == ["First name"])
    }

    @Test("a first load that fails after some parts keeps them, marked incomplete, with the error pane open")
    func failureMidway() throws {
        var (state, id) = try Self.firstLoad()
        var arrivals = Arrivals()
        _ = state.update(.loadedPart(id, arrivals.add(Array(Fixtures.locations.prefix(2)))))
        _ = state.update(.loaded(id, .failure(Fixtures.unavailable)))
        #expect(state.rowNames.count == 2)
        #expect(state.listPane.badges.first == Span("INCOMPLETE", .warning))
        #expect(state.errorPane != nil)
        let (retry, _) = try #require(AppState.loadID(state.press(.character("r"))))
        var retried = Arrivals()
        _ = state.update(.loadedPart(retry, retried.add(Fixtures.locations)))
        _ = state.update(.loaded(retry, .success(.locationsStreamed(count: 4))))
        #expect(state.rowNames.count == 4)
        #expect(!state.listPane.badges.contains { $0.text == "INCOMPLETE" })
    }

    @Test("parts of a request nobody waits for are dropped")
    func staleParts() throws {
        var state = Fixtures.loadedState()
        let (id, _) = try #require(AppState.loadID(state.press(.control("r"))))
        for message in Message.locationsArrived(id, Fixtures.locations) { _ = state.update(message) }
        var arrivals = Arrivals()
        _ = state.update(.loadedPart(id, arrivals.add([Fixtures.location("X", "Late", city: "Nowhere")])))
        #expect(state.rowNames.count == 4)
    }

    @Test("the throttle passes the first part at once and joins the rest until the end")
    func throttle() {
        let forwarded = Locked<[LocationsSoFar]>([])
        let throttle = PartThrottle(interval: .seconds(3600)) { part in forwarded.withLock { $0.append(part) } }
        let one = Array(Fixtures.locations.prefix(1)), rest = Array(Fixtures.locations.dropFirst())
        throttle.add(Self.part(one))
        #expect(forwarded.withLock { $0.map { Array($0.locations) } } == [one])
        for location in rest { throttle.add(Self.part([location])) }
        #expect(forwarded.withLock { $0.count } == 1)
        throttle.flush()
        #expect(forwarded.withLock { $0.map { Array($0.locations) } } == [one, one + rest], "everything so far, each time")
        let last = forwarded.withLock { $0.last! }
        let byName = last.nameOrder.map { last.locations[$0].name ?? "" }
        #expect(byName.count == Fixtures.locations.count && byName.map(Level.fold) == byName.map(Level.fold).sorted(), "in name order")
        throttle.flush()
        #expect(forwarded.withLock { $0.count } == 2, "nothing left to pass on")
    }

    @Test("the fleet's throttle passes the first report at once, then the latest, which carries every station so far")
    func fleetThrottle() {
        let forwarded = Locked<[FleetProgress]>([])
        let throttle = FleetProgressThrottle(interval: .seconds(3600)) { report in forwarded.withLock { $0.append(report) } }
        func report(_ ids: String...) -> FleetProgress {
            FleetProgress(done: 0, total: 0, stations: ids.count, soFar: StationTable(ids.map { Station(stationId: $0) }))
        }
        throttle.add(report("a", "b"))
        throttle.add(report("a", "b", "c"))
        throttle.add(report("a", "b", "c", "d", "e"))
        #expect(forwarded.withLock { $0.map(\.stations) } == [2])
        throttle.flush()
        #expect(forwarded.withLock { $0.last?.stations == 5 && $0.last?.soFar.map(\.stationId) == ["a", "b", "c", "d", "e"] })
        throttle.flush()
        #expect(forwarded.withLock { $0.count } == 2, "nothing left to pass on")
    }

    @Test("a replacing part starts everything so far over, counted as a restart")
    func throttleRestart() {
        let forwarded = Locked<[LocationsSoFar]>([])
        let throttle = PartThrottle(interval: .zero) { soFar in forwarded.withLock { $0.append(soFar) } }
        throttle.add(Self.part(Array(Fixtures.locations.prefix(2))))
        throttle.add(Self.part([Fixtures.locations[3]], replacing: true))
        #expect(forwarded.withLock { $0.map { Array($0.locations) } } == [Array(Fixtures.locations.prefix(2)), [Fixtures.locations[3]]])
        #expect(forwarded.withLock { $0.map(\.restarts) } == [0, 1])
    }
}
