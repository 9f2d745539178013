import Foundation
import Testing

/// One terminal an operator may meet: its type, locale, colour setting and size.
struct TerminalCase: CustomTestStringConvertible, Sendable {
    let term: String
    let locale: String
    let noColor: Bool
    let width: Int
    let height: Int

    var testDescription: String { "\(term) \(locale)\(noColor ? " NO_COLOR" : "") \(width)x\(height)" }
    var isUTF8: Bool { locale.hasSuffix("UTF-8") }
    /// linux and vt100 have no alternate screen.
    var hasAlternateScreen: Bool { !["linux", "vt100"].contains(term) }

    static let terms = ["xterm-256color", "xterm", "screen", "tmux-256color", "linux", "vt100"]
    static let sizes = [(80, 24), (60, 20), (200, 50), (40, 12)]

    /// Every combination with `CHARGEYE_FULL_MATRIX=1` (96); otherwise a representative six: every
    /// type once, every size once, both locales and both colour settings.
    static var selected: [TerminalCase] {
        if ProcessInfo.processInfo.environment["CHARGEYE_FULL_MATRIX"] == "1" {
            return terms.flatMap { term in
                ["C.UTF-8", "C"].flatMap { locale in
                    [false, true].flatMap { noColor in sizes.map { TerminalCase(term: term, locale: locale, noColor: noColor, width: $0.0, height: $0.1) } }
                }
            }
        }
        return [
            TerminalCase(term: "xterm-256color", locale: "C.UTF-8", noColor: false, width: 80, height: 24),
            TerminalCase(term: "xterm", locale: "C", noColor: true, width: 60, height: 20),
            TerminalCase(term: "screen", locale: "C.UTF-8", noColor: true, width: 200, height: 50),
            TerminalCase(term: "tmux-256color", locale: "C", noColor: false, width: 40, height: 12),
            TerminalCase(term: "linux", locale: "C", noColor: false, width: 80, height: 24),
            TerminalCase(term: "vt100", locale: "C.UTF-8", noColor: true, width: 60, height: 20),
        ]
    }
}

extension RealTerminals {
    @Suite("Every terminal an operator meets")
    struct TerminalMatrixTests {
        private let home = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-matrix-\(UUID().uuidString)")

        @Test("browse, drill in and out, filter, help, faults and retry, quit: clean screens and a clean exit", arguments: TerminalCase.selected)
        func session(_ terminal: TerminalCase) async throws {
            let tmux = try await Tmux.shell(width: terminal.width, height: terminal.height, home: home)
            defer { tmux.stop() }
            let before = home.appendingPathComponent("stty-before").path
            try tmux.enter("stty -g > \(before)")
            let colour = terminal.noColor ? "NO_COLOR=1 " : ""
            try tmux.enter("clear; TERM=\(terminal.term) LANG=\(terminal.locale) LC_ALL=\(terminal.locale) \(colour)chargeye --demo; echo EXIT=$?; stty -g | cmp -s - \(before) && echo TTY=same")
            var screens: [String] = []
            func step(_ keys: [String], until text: String) async throws {
                if !keys.isEmpty { try tmux.send(keys) }
                screens.append(try await tmux.waitFor(text))
            }
            try await step([], until: "Locations 1/40")
            try await step(["j"], until: "Locations 2/40")
            try await step(["Enter"], until: "Stations")
            try await step(["Escape"], until: "Locations 2/40")
            try await step(["/", "o", "s", "l", "o", "Enter"], until: "1/1 of 40")
            try await step(["?"], until: "Keys")
            try await step(["Escape"], until: "Locations 1/1")
            try await step(["x"], until: "FAULTS ON")
            try await step(["Enter"], until: "Request failed")
            try await step(["Escape"], until: "could not load")
            try await step(["x"], until: "fault injection OFF")
            try await step(["r"], until: "Stations")
            try tmux.send(["q"])
            let end = try await tmux.waitUntil(description: "the exit status") { $0.contains("EXIT=") && ($0.contains("TTY=same") || $0.hasSuffix("$")) }
            #expect(end.contains("EXIT=0"), "\(end)")
            #expect(end.contains("TTY=same"), "the terminal modes were not restored: \(end)")
            if !terminal.hasAlternateScreen {
                // The last frame must not stay behind: only the shell's lines are on screen.
                #expect(!end.contains("Locations") && !end.contains("Stations") && !end.contains("token "), "\(end)")
            }
            for screen in screens {
                if !terminal.isUTF8 {
                    #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "a byte beyond ASCII in the C locale:\n\(screen)")
                }
                // The `?`s the program means: the help key (hints, the help's own row) and URL queries.
                let meant = ["? help", "? F1", "?locationUid="].reduce(screen) { $0.replacingOccurrences(of: $1, with: "") }
                #expect(!meant.contains("?"), "a ? the program did not mean:\n\(screen)")
                #expect(!screen.contains("\u{1B}"), "escape debris:\n\(screen)")
            }
        }
    }
}
