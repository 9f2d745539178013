import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

@Suite("Fleet roll-up and status facets")
struct FleetSummaryTests {
    @Test("a location's roll-up counts stations and connectors by status, zeros left out")
    func locationSummary() throws {
        let state = try Fixtures.stationsState()
        let summary = try #require(state.fleetSummary)
        #expect(summary.scope == "Location")
        #expect(summary.segments.map(\.text) == ["2 stations", "1 faulted", "3 connectors", "1 charging", "1 free", "1 faulted"])
        #expect(summary.segments.map(\.role) == [.normal, .critical, .normal, .ok, .normal, .critical])
    }

    @Test("f narrows the list to one status after another, Esc shows all again")
    func facets() throws {
        var state = try Fixtures.stationsState()
        _ = state.press(.character("f"))  // offline: none
        #expect(state.current.facet == .offline)
        #expect(state.listPane.rows.isEmpty)
        #expect(state.listPane.emptyText == "no offline stations here (Esc shows all)")
        #expect(state.fleetSummary?.segments.contains { $0.text == "0 offline" && $0.isActive } == true)
        _ = state.press(.character("f"))
        #expect(state.current.facet == .faultedStation)
        #expect(state.rowNames == ["Bay 5"])
        #expect(state.listPane.badges.contains(Span("only faulted stations", .accent)))
        _ = state.press(.character("f"), .character("f"))
        #expect(state.current.facet == .faultedConnector)
        #expect(state.rowNames == ["Bay 5"])
        _ = state.press(.character("f"))
        #expect(state.current.facet == .chargingConnector)
        #expect(state.rowNames == ["Hall A"])
        _ = state.press(.escape)
        #expect(state.current.facet == nil)
        #expect(state.rowNames == ["Bay 5", "Hall A"])
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
