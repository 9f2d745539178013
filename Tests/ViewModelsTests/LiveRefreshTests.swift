import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

@Suite("Live refresh of station and connector views")
struct LiveRefreshTests {
    /// A tick `seconds` after the stations were loaded.
    private func later(_ seconds: TimeInterval) -> Message { .tick(Fixtures.start.addingTimeInterval(seconds)) }

    @Test("live views reload after the interval; the locations list does not")
    func reloadsWhenDue() throws {
        var locations = Fixtures.loadedState()
        #expect(locations.update(later(600)).isEmpty)
        var state = try Fixtures.stationsState()
        #expect(state.update(later(29)).isEmpty)
        let effects = state.update(later(30))
        #expect(AppState.loadID(effects)?.1 == .stations(locationUid: "L4"))
        #expect(state.update(later(31)).isEmpty)  // one at a time
    }

    @Test("a failed live refresh keeps the data STALE without the error pane, and backs off")
    func failureBacksOff() throws {
        var state = try Fixtures.stationsState()
        let (id, _) = try #require(AppState.loadID(state.update(later(30))))
        _ = state.update(.loaded(id, .failure(Fixtures.unavailable)))
        #expect(state.errorPane == nil)
        #expect(state.current.isStale)
        #expect(state.rowNames == ["Bay 5", "Hall A"])
        #expect(state.statusBar.activity?.text == "live refresh failed (HTTP 503); retrying in 60 s")
        #expect(state.update(later(89)).isEmpty)
        #expect(AppState.loadID(state.update(later(90))) != nil)
    }

    @Test("transitions are listed and the changed rows highlighted for one cycle")
    func transitions() throws {
        var state = try Fixtures.stationsState()
        let (id, _) = try #require(AppState.loadID(state.update(later(30))))
        var changed = Fixtures.stations
        changed[0].connectors?[0].status = .init("Available")
        changed[1].status = .init("Operative")
        _ = state.update(.loaded(id, .success(.stations(changed))))
        #expect(state.events.map(\.text) == ["S2: Faulted → Operative", "S1 connector 1: Charging → Available"])
        #expect(state.changedIDs == ["S1", "S2"])
        #expect(state.listPane.rows.allSatisfy { $0.role == .accent || $0.isSelected })
        #expect(state.statusBar.activity?.text.hasSuffix("S2: Faulted → Operative") == true)
        #expect(state.detailPane.lines.contains { $0.value == "Recent changes" })
        let (next, _) = try #require(AppState.loadID(state.update(later(60))))
        _ = state.update(.loaded(next, .success(.stations(changed))))
        #expect(state.changedIDs.isEmpty)
    }

    @Test("p pauses and resumes; lists show their age")
    func pauseAndAge() throws {
        var state = try Fixtures.stationsState()
        _ = state.update(later(12))
        #expect(state.listPane.badges.contains(Span("as of 16:00:00, 12 s ago", .dim)))
        _ = state.press(.character("p"))
        #expect(state.listPane.badges.contains(Span("PAUSED", .warning)))
        #expect(state.update(later(100)).isEmpty)
        #expect(AppState.loadID(state.press(.character("p"))) != nil)
    }
}
