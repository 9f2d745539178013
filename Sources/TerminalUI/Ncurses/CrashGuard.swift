import Foundation

/// If the process dies from a fatal signal while curses owns the screen, put the terminal
/// back (saved tty modes, main screen, visible cursor) before dying, using only
/// async-signal-safe calls.
enum CrashGuard {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var hasSaved = false
    private static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    static func install() {
        hasSaved = tcgetattr(STDIN_FILENO, &saved) == 0
        for number in fatalSignals {
            signal(number) { number in
                if CrashGuard.hasSaved { tcsetattr(STDIN_FILENO, TCSANOW, &CrashGuard.saved) }
                let reset: StaticString = "\u{1B}[0m\u{1B}[?1000l\u{1B}[?1049l\u{1B}[?25h\r\n"
                _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    static func uninstall() {
        for number in fatalSignals { signal(number, SIG_DFL) }
    }
}
