import CNcursesw
import ChargEyeText
import Foundation
import ViewModels

/// Why the terminal could not be set up.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case unsupported(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            "the interactive browser needs a terminal on stdin and stdout; for scripts use the commands (chargeye locations --format json ...)"
        case .unsupported(let term):
            "terminal type \"\(term)\" cannot run a full-screen program here (unknown to ncurses, or no cursor addressing); set TERM to one that can (xterm-256color, screen, tmux-256color, linux, vt100), or use the commands (chargeye locations ...)"
        }
    }
}

/// The real terminal, driven by ncursesw: the only code that calls ncurses.
public final class NcursesTerminal: Terminal {
    private var screen: OpaquePointer?
    private let palette: Palette
    private let asciiOnly: Bool
    private var shown: CellGrid?
    private var isActive = false

    /// Takes over the terminal. `color` false (or NO_COLOR set) draws with attributes only;
    /// `headerColor` gives the header a background of its own (production vs staging).
    public init(color: Bool, theme: Theme = .terminal, headerColor: TerminalColor? = nil) throws {
        guard Platform.isTerminal(STDIN_FILENO), Platform.isTerminal(STDOUT_FILENO) else { throw TerminalError.notATerminal }
        Platform.adoptCharacterSet()
        asciiOnly = String(cString: ce_codeset()).uppercased().replacingOccurrences(of: "-", with: "") != "UTF8"
        let term = Platform.environment("TERM") ?? ""
        CrashGuard.install()
        guard let screen = newterm(nil, ce_stdout(), ce_stdin()) else {
            CrashGuard.uninstall()
            throw TerminalError.unsupported(term: term)
        }
        set_term(screen)
        guard ce_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            CrashGuard.uninstall()
            throw TerminalError.unsupported(term: term)
        }
        self.screen = screen
        raw()
        noecho()
        nonl()
        keypad(ce_stdscr(), true)
        nodelay(ce_stdscr(), true)
        // No typeahead check while a frame is written: with it, a key arriving meanwhile makes
        // ncurses stop the update part-way, and the run loop, which draws only when the frame
        // changes, could leave the rest unwritten until the next change.
        typeahead(-1)
        set_escdelay(75)  // long enough for an arrow key's bytes to arrive together over SSH
        curs_set(0)
        _ = mousemask(ce_mouse_mask(), nil)
        mouseinterval(0)
        let wantsColor = color && Platform.environment("NO_COLOR").map(\.isEmpty) ?? true
        palette = Palette(colored: wantsColor && has_colors(), theme: theme, headerBackground: headerColor)
        palette.install()
        isActive = true
    }

    public var size: (width: Int, height: Int) {
        if let (width, height) = Platform.windowSize(of: STDOUT_FILENO) {
            if width != Int(ce_cols()) || height != Int(ce_lines()) {
                resizeterm(Int32(height), Int32(width))
                shown = nil
            }
            return (width, height)
        }
        return (Int(ce_cols()), Int(ce_lines()))
    }

    public var inputDescriptor: Int32? { STDIN_FILENO }

    /// Box drawing in UTF-8 locales, ASCII otherwise.
    public var glyphs: Glyphs { asciiOnly ? .ascii : .unicode }

    public func readInput() -> [InputEvent] {
        var events: [InputEvent] = []
        var character: wint_t = 0
        while true {
            let result = wget_wch(ce_stdscr(), &character)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                if let event = NcursesKeys.event(forKeyCode: Int32(character)) { events.append(event) }
            } else if let key = NcursesKeys.key(forCharacter: UInt32(character)) {
                events.append(.key(key))
            }
        }
        return events
    }

    public func present(_ grid: CellGrid) {
        let full = shown == nil || shown?.width != grid.width || shown?.height != grid.height
        if full { werase(ce_stdscr()) }
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if !full, let shown, shown[x, y] == cell { continue }
                draw(cell, x: x, y: y, lastColumn: x == grid.width - 1 && y == grid.height - 1)
            }
        }
        shown = grid
        wnoutrefresh(ce_stdscr())
        doupdate()
    }

    public var clipboard: @Sendable (String) -> Void {
        { text in
            Platform.write(Array("\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}".utf8), to: STDOUT_FILENO)
        }
    }

    public func suspend() {
        def_prog_mode()
        endwin()
        Platform.stopProcess()
        resume()
    }

    public func resume() {
        // Back after `fg` (the shell may have reset the tty modes): curses modes again, and
        // the next frame repaints every cell.
        reset_prog_mode()
        clearok(ce_stdscr(), true)
        wrefresh(ce_stdscr())
        shown = nil
    }

    public func shutdown() {
        guard isActive else { return }
        isActive = false
        if ce_has_alternate_screen() == 0 {
            // Without an alternate screen the last frame would stay on the terminal: leave it
            // blank, with the cursor (which endwin shows again) at the bottom-left, as less does.
            wclear(ce_stdscr())
            wrefresh(ce_stdscr())
        }
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        CrashGuard.uninstall()
    }

    deinit { shutdown() }

    private func draw(_ cell: CellGrid.Cell, x: Int, y: Int, lastColumn: Bool) {
        var scalars = cell.character.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        if asciiOnly, cell.character.unicodeScalars.contains(where: { $0.value > 0x7E }) {
            scalars = [wchar_t(ASCIIText.cell(cell.character).asciiValue ?? UInt8(ascii: "_"))]
        }
        scalars.append(0)
        let (attributes, pair) = palette.style(for: cell.role)
        var value = cchar_t()
        setcchar(&value, scalars, attributes, pair, nil)
        if lastColumn {
            // Writing the bottom-right cell would scroll some terminals; insert instead.
            wmove(ce_stdscr(), Int32(y), Int32(x))
            wins_wch(ce_stdscr(), &value)
        } else {
            mvwadd_wch(ce_stdscr(), Int32(y), Int32(x), &value)
        }
    }
}
