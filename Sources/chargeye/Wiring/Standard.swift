import Foundation

/// Writing to standard output and error, in one place.
enum Standard {
    /// Prints to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.utf8.last == 0x0A ? text : text + "\n").utf8))
    }

    /// Writes `text` to standard output as it is (output that arrives in parts).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Prints one line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.utf8.last == 0x0A ? text : text + "\n").utf8))
    }

    /// True when standard output is a terminal.
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Columns available for tables: the terminal's width, else `$COLUMNS`, else nil (no limit).
    static var terminalWidth: Int? {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        return nil
    }
}
