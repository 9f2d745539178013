import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

/// The fleet read beside the locations: every row's status at once, fleet totals, a live
/// refresh with backoff, and what a user sees when it cannot be read.
@Suite("Fleet status in the browser")
struct FleetStatusTests {
    /// Stations at L1 (one faulted) and L3 (one offline); L2 and L4 have none.
    static func fleet(l3Online: Bool = false) -> FleetStations {
        var stations = Fixtures.stations.map { station -> Station in
            var station = station
            station.locationUid = "L1"
            return station
        }
        stations.append(Station(
            stationId: "S9", name: "Gate", status: .init("Operative"), onlineStatus: .init(l3Online ? "Online" : "Offline"),
            connectors: [Fixtures.connector("1", "Available")], locationUid: "L3"
        ))
        return FleetStations(collecting: stations, source: .unfiltered)
    }

    func answered(_ result: Result<APIResponse, ChargEyeError>) throws -> AppState {
        var state = Fixtures.loadedState()
        _ = state.update(.loaded(try #require(state.fleet.requestID), result))
        return state
    }

    @Test("the fleet is read at start beside the locations; its answer gives every row a status and the roll-up the fleet's totals")
    func firstRead() throws {
        let state = try answered(.success(.fleet(Self.fleet())))
        let rows = Dictionary(uniqueKeysWithValues: state.listPane.rows.map { ($0.cells[0], $0) })
        #expect(rows["Vantaa Bus Depot"]?.cells[3] == "2 st 1 chg 1 free 2 flt")
        #expect(rows["Oslo Airport P3"]?.cells[3] == "1 st 0 chg 1 free 1 off")
        #expect(rows["Berlin Fleet Yard"]?.cells[3] == "0 st 0 chg 0 free", "a location with no station has none, not 'unknown'")
        #expect(rows["Oslo Airport P3"]?.role == .warning)
        let summary = try #require(state.fleetSummary)
        #expect(summary.scope == "Fleet")
        #expect(summary.segments.first?.text == "3 stations")
        #expect(state.requests.entries.isEmpty)
    }

    @Test("s sorts the locations worst first, those without problems after")
    func sortByHealth() throws {
        var state = try answered(.success(.fleet(Self.fleet())))
        while state.current.sort != .status { _ = state.press(.character("s")) }
        #expect(state.rowNames.prefix(2) == ["Vantaa Bus Depot", "Oslo Airport P3"])
    }

    @Test("location by location: the roll-up line shows how far the read has got")
    func progress() throws {
        var state = Fixtures.loadedState()
        let id = try #require(state.fleet.requestID)
        _ = state.update(.fleetProgress(id, FleetProgress(done: 120, total: 500)))
        #expect(state.fleetSummary?.scope == "Fleet (reading 120/500 locations)")
    }

    @Test("the one call: the first read counts the stations that came; a refresh keeps its figures on the line")
    func streamedProgress() throws {
        var state = Fixtures.loadedState()
        let first = try #require(state.fleet.requestID)
        _ = state.update(.fleetProgress(first, FleetProgress(done: 0, total: 0, stations: 4_000)))
        #expect(state.fleetSummary?.scope == "Fleet (reading: 4000 stations so far)")
        _ = state.update(.loaded(first, .success(.fleet(Self.fleet()))))
        let later = Fixtures.start.addingTimeInterval(state.refreshInterval)
        guard case .load(let refresh, .fleet)? = state.update(.tick(later)).first else {
            Issue.record("the fleet is read again when due")
            return
        }
        _ = state.update(.fleetProgress(refresh, FleetProgress(done: 0, total: 0, stations: 1)))
        #expect(state.fleetSummary?.scope == "Fleet")
        #expect(state.fleetSummary?.segments.first?.text == "3 stations")
    }

    @Test("a failed refresh keeps the figures, says STALE, backs off; r reads again at once")
    func staleAndRetry() throws {
        var state = try answered(.success(.fleet(Self.fleet())))
        #expect(state.nextFleetRefresh == Fixtures.start.addingTimeInterval(state.refreshInterval))
        let later = Fixtures.start.addingTimeInterval(state.refreshInterval)
        guard case .load(let id, .fleet)? = state.update(.tick(later)).first else {
            Issue.record("the fleet is read again when due")
            return
        }
        _ = state.update(.loaded(id, .failure(Fixtures.unavailable)))
        #expect(state.fleetSummary?.scope == "Fleet (STALE: HTTP 503)")
        #expect(state.fleetSummary?.segments.first?.text == "3 stations")
        #expect(state.mode == .browse, "a background read does not open the error pane")
        #expect(state.nextFleetRefresh == later.addingTimeInterval(2 * state.refreshInterval))
        guard case .load(_, .fleet)? = state.press(.character("r")).first else {
            Issue.record("r reads the fleet again")
            return
        }
    }

    @Test("a refresh that changes a location's counts highlights its row and notes the change")
    func changes() throws {
        var state = try answered(.success(.fleet(Self.fleet())))
        guard case .load(let id, .fleet)? = state.update(.tick(Fixtures.start.addingTimeInterval(state.refreshInterval))).first else {
            Issue.record("no refresh")
            return
        }
        _ = state.update(.loaded(id, .success(.fleet(Self.fleet(l3Online: true)))))
        #expect(state.changedIDs == ["L3"])
        #expect(state.events.first?.text == "S9: Offline → Online")
    }

    @Test("no refresh while paused or away from the locations list")
    func onlyWhenShown() throws {
        var state = try answered(.success(.fleet(Self.fleet())))
        _ = state.press(.character("p"))
        #expect(state.nextFleetRefresh == nil)
        _ = state.press(.character("p"), .enter)
        #expect(state.nextFleetRefresh == nil)
    }

    @Test("a fleet too large to read one by one says so, and opened locations still count")
    func tooLarge() throws {
        let refusal = ChargEyeError.HTTPFailure(request: .init(method: "GET", path: "/stations"), status: 400)
        var state = try answered(.failure(.fleetTooLarge(.init(refusal: refusal, locations: 812, limit: 500))))
        #expect(state.fleetSummary?.scope == "Fleet: 812 locations, over the 500 read one by one; open a location")
        guard case .load(let id, _)? = state.press(.enter).first else { return }
        _ = state.update(.loaded(id, .success(.stations(Fixtures.stations))))
        _ = state.press(.escape)
        #expect(state.fleetSummary?.scope == "Fleet (1/4 loaded)")
    }
}
