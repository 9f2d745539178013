import Foundation

/// The operating-system calls the terminal layer makes, in one place: file descriptors,
/// poll(), the window size, process control. Signals are `SignalMonitor`'s and `CrashGuard`'s,
/// beside this file; the rest of the target calls none directly.
enum Platform {
    /// What poll() saw on a descriptor.
    struct Readiness {
        var readable: Bool
        /// The other end hung up, or the descriptor is no longer valid.
        var closed: Bool
    }

    /// A variable of the process's environment.
    static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name]
    }

    /// Takes the character set from the locale (LANG, LC_ALL, LC_CTYPE): all curses needs of it
    /// (loading every category costs a dozen files at start-up).
    static func adoptCharacterSet() {
        setlocale(LC_CTYPE, "")
    }

    /// True when `descriptor` is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// A pipe whose ends do not block and are closed on exec.
    static func makePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw POSIXError(.EMFILE) }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        return (descriptors[0], descriptors[1])
    }

    /// Writes bytes, ignoring failure (callers use it where a failed write changes nothing).
    static func write(_ bytes: [UInt8], to descriptor: Int32) {
        _ = bytes.withUnsafeBufferPointer { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    }

    /// Reads and discards whatever a non-blocking descriptor holds.
    static func discardAvailable(_ descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(descriptor, &buffer, buffer.count) > 0 {}
    }

    static func close(_ descriptor: Int32) {
        _ = Foundation.close(descriptor)
    }

    /// Blocks until one of `descriptors` is readable or closed, or `timeout` milliseconds pass
    /// (-1: no limit); gives each descriptor's readiness in order.
    static func wait(for descriptors: [Int32], timeout: Int32) -> [Readiness] {
        var polled = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        _ = poll(&polled, nfds_t(polled.count), timeout)
        return polled.map {
            Readiness(readable: $0.revents & Int16(POLLIN) != 0, closed: $0.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0)
        }
    }

    /// The terminal's size as the kernel knows it.
    static func windowSize(of descriptor: Int32) -> (width: Int, height: Int)? {
        var window = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 else { return nil }
        return (Int(window.ws_col), Int(window.ws_row))
    }

    /// Stops this process (as Ctrl-Z would) until it is continued.
    static func stopProcess() {
        kill(getpid(), SIGSTOP)
    }
}
