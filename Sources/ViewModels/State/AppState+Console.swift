import ChargEyeText
import ChargEyeAPI
import Foundation

extension AppState {
    mutating func handleConsoleInputKey(_ key: Key, _ action: Action?) -> [Effect] {
        switch action {
        case .cancel?:
            return leaveConsoleInput()
        case .submit?:
            let path = console.input.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { return leaveConsoleInput() }
            let superseded = requests.cancel { if case .console = $0 { true } else { false } }
            let id = requests.start(.console(path: path))
            console.history.append(path)
            console.input = ""
            mode = .console
            return superseded.map(Effect.cancel) + [.consoleGet(id, path: path)]
        case .deleteBackward?:
            console.input = String(console.input.dropLast())
        case .eraseInput?:
            console.input = ""
        case .moveUp?:
            console.input = console.history.last ?? console.input
        default:
            if case .character(let character) = key { console.input.append(character) }
        }
        return []
    }

    /// Back from the prompt to the console's last answer, or out when there is none yet.
    private mutating func leaveConsoleInput() -> [Effect] {
        guard console.response == nil, console.error == nil, !requests.consoleIsWaiting else {
            mode = .console
            return []
        }
        return closeConsole()
    }

    /// Closes the console; nobody waits for a GET it no longer shows.
    private mutating func closeConsole() -> [Effect] {
        mode = .browse
        return requests.cancel { if case .console = $0 { true } else { false } }.map(Effect.cancel)
    }

    /// The console's text area for the terminal size: the body (all but the header and status
    /// lines) inside its frame, less the prompt and status rows.
    var consoleArea: (width: Int, rows: Int) {
        let text = layout.consoleText
        return (max(1, text.width), max(1, text.height))
    }

    /// Breaks the console's lines into rows of its width again (after an answer or a resize).
    mutating func rewrapConsole() {
        let textWidth = consoleArea.width
        guard console.rowWidth != textWidth || console.rows.isEmpty != console.lines.isEmpty else { return }
        var rows: [String] = []
        for line in console.lines where rows.count < Self.consoleLineLimit {
            let drawn = line.replacingOccurrences(of: "\t", with: "  ")
            rows += TextWrap.rows(asciiOnly ? ASCIIText.text(drawn) : drawn, width: textWidth)
        }
        console.rows = Array(rows.prefix(Self.consoleLineLimit))
        console.rowWidth = textWidth
        console.scroll = max(0, min(console.scroll, console.rows.count - consoleArea.rows))
    }

    mutating func handleConsoleKey(_ action: Action?) -> [Effect] {
        let page = consoleArea.rows
        switch action {
        case .back?, .close?:
            return closeConsole()
        case .console?:
            mode = .consoleInput
        case .moveUp?: console.scroll -= 1
        case .moveDown?: console.scroll += 1
        case .pageUp?: console.scroll -= page
        case .pageDown?: console.scroll += page
        case .top?: console.scroll = 0
        case .bottom?: console.scroll = console.rows.count
        default: break
        }
        console.scroll = max(0, min(console.scroll, max(0, console.rows.count - page)))
        return []
    }

    /// The most lines the console keeps of one response.
    static let consoleLineLimit = 20_000

    mutating func receiveConsole(_ id: RequestID, _ result: Result<RawResponse, ChargEyeError>) {
        guard case .console? = requests.finish(id)?.purpose else { return }
        console.scroll = 0
        switch result {
        case .success(let response):
            console.response = response
            console.error = nil
            var lines = response.displayText.split(separator: "\n", omittingEmptySubsequences: false).prefix(Self.consoleLineLimit + 1).map(String.init)
            if lines.count > Self.consoleLineLimit {
                lines = Array(lines.prefix(Self.consoleLineLimit)) + ["… (cut at \(Self.consoleLineLimit) lines; use `chargeye get` for the whole body)"]
            }
            console.lines = lines
        case .failure(let error):
            console.response = nil
            console.error = error
            console.lines = [error.summary] + (error.advice.map { ["", $0] } ?? [])
        }
        console.rowWidth = 0
        rewrapConsole()
    }
}
