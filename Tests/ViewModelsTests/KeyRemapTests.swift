import Testing
@testable import ViewModels

@Suite("Key names and remapping")
struct KeyRemapTests {
    @Test("key names from the configuration", arguments: [
        ("j", Key.character("j")), ("G", .character("G")), ("Ctrl-N", .control("n")), ("ctrl-r", .control("r")),
        ("Down", .down), ("PgDn", .pageDown), ("Esc", .escape), ("Shift-Tab", .backTab), ("F5", .function(5)), ("Space", .character(" ")),
    ])
    func names(name: String, key: Key) {
        #expect(Key(name: name) == key)
    }

    @Test("unknown names are refused", arguments: ["Ctrl-", "F13", "Hyper-X", ""])
    func unknownNames(name: String) {
        #expect(Key(name: name) == nil)
    }

    @Test("remapping replaces an action's keys, frees them elsewhere, and the help shows it")
    func remap() throws {
        let map = try KeyMap.standard.remapped(["moveDown": ["n", "Down"], "quit": ["Q"]])
        #expect(map.action(for: .character("n"), in: .browse) == .moveDown)
        #expect(map.action(for: .character("j"), in: .browse) == nil)
        #expect(map.action(for: .character("q"), in: .browse) == nil)
        #expect(map.action(for: .character("q"), in: .console) == .close, "q still closes the console: quit's remap shares no place with close")
        #expect(map.action(for: .character("Q"), in: .browse) == .quit)
        let help = AppState.helpRows(map)
        #expect(help.contains { $0.keys == "n ↓" && $0.label == "move down" })
        #expect(help.contains { $0.keys == "Q" && $0.label == "quit" })
        var state = AppState(connectionLabel: "t", isDemo: false, now: Fixtures.start, keyMap: map)
        #expect(state.press(.character("Q")) == [.quit])
    }

    @Test("bad remappings name the problem")
    func errors() {
        #expect(throws: KeyMap.RemapError.unknownAction("fly")) { try KeyMap.standard.remapped(["fly": ["f"]]) }
        #expect(throws: KeyMap.RemapError.unknownKey(action: "quit", key: "Hyper-Q")) { try KeyMap.standard.remapped(["quit": ["Hyper-Q"]]) }
        #expect(throws: KeyMap.RemapError.noKeys(action: "quit")) { try KeyMap.standard.remapped(["quit": []]) }
        #expect(throws: KeyMap.RemapError.typedKey(action: "submit", key: "y")) { try KeyMap.standard.remapped(["submit": ["y"]]) }
    }
}
