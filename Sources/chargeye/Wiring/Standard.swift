import Foundation

/// Writing to standard output and error, in one place.
enum Standard {
    /// Prints to standard output.
    static func out(_ text: String) {
        write(text.utf8.last == 0x0A ? text : text + "\n")
    }

    /// Writes `text` to standard output as it is (output that arrives in parts).
    static func write(_ text: String) {
        writeAll(text, to: STDOUT_FILENO)
    }

    /// Prints one line to standard error.
    static func error(_ text: String) {
        errorRaw(text.utf8.last == 0x0A ? text : text + "\n")
    }

    /// Writes `text` to standard error as it is (a progress line rewritten in place).
    static func errorRaw(_ text: String) {
        writeAll(text, to: STDERR_FILENO)
    }

    /// Writes every byte. A reader that went away (`chargeye metrics | head`) ends the
    /// process the way it ends any Unix filter, by SIGPIPE, instead of a crash report:
    /// SwiftNIO ignores the signal process-wide, so it is restored first.
    private static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    if errno == EPIPE {
                        signal(SIGPIPE, SIG_DFL)
                        raise(SIGPIPE)
                    }
                    return
                }
            }
        }
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
