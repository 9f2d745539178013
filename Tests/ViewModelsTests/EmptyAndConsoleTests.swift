import ChargEyeText
import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

/// The browser at 40x10 with `GET x` typed into the console and sent; the request's id.
private func consoleGetAt40x10() throws -> (AppState, RequestID) {
    var state = Fixtures.loadedState()
    _ = state.update(.resized(width: 40, height: 10))
    _ = state.press(.character(":"), .character("x"))
    guard case .consoleGet(let id, _)? = state.press(.enter).first else { throw CancellationError() }
    return (state, id)
}

@Suite("Empty lists say what they are; the console wraps")
struct EmptyAndConsoleTests {
    @Test("an empty list of each kind says what it is and what to do")
    func emptyLists() throws {
        var state = Fixtures.loadedState()
        let (stationsID, _) = try #require(AppState.loadID(state.press(.enter)))
        _ = state.update(.loaded(stationsID, .success(.stations([]))))
        #expect(state.listPane.emptyText == "No stations at this location")
        let (vehiclesID, _) = try #require(AppState.loadID(state.press(.character("v"))))
        _ = state.update(.loaded(vehiclesID, .success(.vehicles([]))))
        #expect(state.listPane.emptyText == "No vehicles: this location has no vehicle registry (ChargEye for Depots)")
        #expect(state.listPane.emptyText?.unicodeScalars.allSatisfy(\.isASCII) == true)
        var empty = Fixtures.loadedState(locations: [])
        #expect(empty.listPane.emptyText == "No locations: this account sees none (check the profile and its refresh token)")
        _ = empty.press(.character("/"), .character("z"))
        #expect(empty.listPane.emptyText == "nothing matches \"z\" (Esc clears the filter)")
    }

    @Test("at 40x10 the console wraps long JSON lines under their key and scrolls to the last row")
    func consoleWrapsAtTheSmallestSize() throws {
        var (state, id) = try consoleGetAt40x10()
        let value = String(repeating: "abcdefghij ", count: 6).trimmingCharacters(in: .whitespaces)
        let body = #"{"n":1,"name":"\#(value)"}"#
        let response = RawResponse(path: "/x", status: 200, contentType: "application/json", body: Data(body.utf8), duration: .milliseconds(3))
        _ = state.update(.consoleAnswered(id, .success(response)))
        let pane = try #require(state.consolePane)
        #expect(pane.lines.allSatisfy { DisplayWidth.of($0) <= 38 })
        #expect(pane.lines.joined(separator: " ").replacingOccurrences(of: " ", with: "").contains(value.replacingOccurrences(of: " ", with: "")))
        let continued = pane.lines.drop { !$0.contains("\"name\"") }.dropFirst().prefix { $0 != "}" }
        #expect(!continued.isEmpty && continued.allSatisfy { $0.hasPrefix("    ") })  // two deeper than the key's two
        _ = state.press(.character("G"))
        #expect(state.consolePane?.scroll == pane.lines.count - 4)
        // Wider again: the same lines, fewer rows.
        _ = state.update(.resized(width: 120, height: 30))
        #expect((state.consolePane?.lines.count ?? 0) < pane.lines.count)
    }

    @Test("a console error is wrapped in the body, the status line stays short")
    func consoleErrorWraps() throws {
        var (state, id) = try consoleGetAt40x10()
        _ = state.update(.consoleAnswered(id, .failure(Fixtures.unavailable)))
        let pane = state.consolePane
        #expect(pane?.status?.text == "GET x failed: HTTP 503")
        #expect(pane?.lines.first == "GET /locations failed: HTTP 503")
        #expect(pane?.lines.allSatisfy { DisplayWidth.of($0) <= 38 } == true)
        #expect(pane?.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").contains("\"Maintenance until 14:00\"") == true)
    }
}
