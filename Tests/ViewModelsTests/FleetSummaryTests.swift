import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

@Suite("Fleet roll-up and status facets")
struct FleetSummaryTests {
    @Test("a location's roll-up counts stations and connectors by each status, worst first")
    func locationSummary() throws {
        let state = try Fixtures.stationsState()
        let summary = try #require(state.fleetSummary)
        #expect(summary.scope == "Location")
        #expect(summary.segments.map(\.text) == ["2 stations", "2 Online", "1 Faulted", "1 Operative", "3 connectors", "1 Faulted", "1 Charging", "1 Available"])
        #expect(summary.segments.map(\.role) == [.normal, .ok, .critical, .ok, .normal, .critical, .ok, .normal])
    }

    @Test("f narrows the list to one count after another, Esc shows all again")
    func facets() throws {
        var state = try Fixtures.stationsState()
        _ = state.press(.character("f"))
        #expect(state.current.facet == .online("Online"))
        #expect(state.rowNames == ["Bay 5", "Hall A"])
        _ = state.press(.character("f"))
        #expect(state.current.facet == .station("Faulted"))
        #expect(state.rowNames == ["Bay 5"])
        #expect(state.listPane.badges.contains(Span("only Faulted stations", .accent)))
        #expect(state.fleetSummary?.segments.contains { $0.text == "1 Faulted" && $0.isActive } == true)
        _ = state.press(.character("f"), .character("f"))
        #expect(state.current.facet == .connector("Faulted"))
        #expect(state.rowNames == ["Bay 5"])
        _ = state.press(.character("f"))
        #expect(state.current.facet == .connector("Charging"))
        #expect(state.rowNames == ["Hall A"])
        _ = state.press(.escape)
        #expect(state.current.facet == nil)
        #expect(state.rowNames == ["Bay 5", "Hall A"])
    }

    @Test("connectors of a station narrow by their status; a status nobody has is not offered")
    func connectorFacets() throws {
        var state = try Fixtures.stationsState()
        _ = state.press(.down, .enter)
        #expect(state.fleetSummary?.facets == [.connector("Charging"), .connector("Available")])
        _ = state.press(.character("f"))
        #expect(state.listPane.rows.map { $0.cells[2] } == ["Charging"])
    }

    @Test("the fleet roll-up sums the locations loaded so far and narrows the locations list")
    func fleet() throws {
        var state = try Fixtures.stationsState()
        _ = state.press(.escape)
        let summary = try #require(state.fleetSummary)
        #expect(summary.scope == "Fleet (1/4 loaded)")
        _ = state.press(.character("f"), .character("f"))
        #expect(state.rowNames == ["Berlin Fleet Yard"])
    }
}
