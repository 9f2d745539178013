import Foundation

/// If the process dies from a fatal signal while curses owns the screen, put the terminal
/// back (saved tty modes, main screen, visible cursor) before dying, using only
/// async-signal-safe calls.
enum CrashGuard {
    /// The saved modes live on the heap: AddressSanitizer caught `tcgetattr` writing its 60
    /// bytes past a Swift global `termios` here, so the C call gets plain, aligned memory.
    nonisolated(unsafe) private static let saved: UnsafeMutablePointer<termios> = {
        let pointer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        pointer.initialize(to: termios())
        return pointer
    }()
    nonisolated(unsafe) private static var hasSaved = false
    private static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    static func install() {
        hasSaved = tcgetattr(STDIN_FILENO, saved) == 0
        for number in fatalSignals {
            signal(number) { number in
                if CrashGuard.hasSaved { tcsetattr(STDIN_FILENO, TCSANOW, CrashGuard.saved) }
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
