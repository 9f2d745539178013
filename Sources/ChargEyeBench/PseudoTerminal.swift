import Foundation
#if canImport(Glibc)
import Glibc
#endif

@_silgen_name("forkpty")
private func c_forkpty(
    _ master: UnsafeMutablePointer<Int32>, _ name: UnsafeMutablePointer<CChar>?, _ termios: UnsafeRawPointer?,
    _ size: UnsafePointer<winsize>?
) -> pid_t

/// A program running in a pseudo-terminal of a given size: keys go in, and every byte it writes
/// to the terminal is read with the time it arrived.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    private(set) var output: [UInt8] = []
    /// The time of the last byte read.
    private(set) var lastOutputAt: UInt64 = 0
    let startedAt: UInt64

    /// Starts `executable` with `arguments` and exactly `environment`.
    init(executable: String, arguments: [String], environment: [String: String], width: Int, height: Int) throws {
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        // Everything the child needs is built before fork: after it, only execve runs.
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var master: Int32 = -1
        let pid = c_forkpty(&master, nil, nil, &size)
        if pid == 0 {
            execve(executable, argv, envp)
            _exit(127)
        }
        // The clock starts once the child exists (it goes straight to execve): the time fork
        // spends copying this large process's page tables is the benchmark's, not the program's.
        startedAt = Clock.nanoseconds()
        guard pid > 0 else { throw BenchError("forkpty failed: errno \(errno)") }
        self.pid = pid
        self.master = master
    }

    /// Sends bytes as if typed.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads whatever arrives for up to `milliseconds`; returns the bytes read.
    @discardableResult
    func read(forMilliseconds milliseconds: Int) -> Int {
        let deadline = Clock.nanoseconds() + UInt64(milliseconds) * 1_000_000
        var total = 0
        while true {
            let now = Clock.nanoseconds()
            guard now < deadline else { return total }
            total += readAvailable(waitMilliseconds: Int32((deadline - now) / 1_000_000) + 1)
        }
    }

    /// Reads until the program has been silent for `quietMilliseconds` (or `limitMilliseconds`
    /// passed); returns the bytes read.
    @discardableResult
    func readUntilQuiet(quietMilliseconds: Int = 100, limitMilliseconds: Int = 10_000) -> Int {
        let limit = Clock.nanoseconds() + UInt64(limitMilliseconds) * 1_000_000
        var total = 0
        while Clock.nanoseconds() < limit {
            let count = readAvailable(waitMilliseconds: Int32(quietMilliseconds))
            if count == 0 { return total }
            total += count
        }
        return total
    }

    /// Reads until `marker` has appeared and then the output went quiet; returns the time of
    /// the last byte, in milliseconds since start, or nil if the marker never came.
    func firstPaint(marker: String?, quietMilliseconds: Int = 100, limitMilliseconds: Int = 30_000) -> Double? {
        let limit = Clock.nanoseconds() + UInt64(limitMilliseconds) * 1_000_000
        let needle = marker.map { Array($0.utf8) }
        var seen = needle == nil
        while Clock.nanoseconds() < limit {
            let count = readAvailable(waitMilliseconds: Int32(quietMilliseconds))
            if !seen, let needle { seen = outputContains(needle, from: 0) }
            if count == 0, seen, !output.isEmpty {
                return Double(lastOutputAt - startedAt) / 1_000_000
            }
        }
        return nil
    }

    /// Reads until `quietSeconds` whole seconds in a row pass with less than 20 ms of the
    /// program's CPU each (at most `limitMilliseconds`): one quiet second can be a program
    /// waiting for a slow answer that is still to come. Returns whether it settled (false:
    /// the limit came first).
    @discardableResult
    func waitUntilSettled(quietSeconds: Int = 3, limitMilliseconds: Int = 30_000) -> Bool {
        let limit = Clock.nanoseconds() + UInt64(limitMilliseconds) * 1_000_000
        var cpu = stats.cpuMilliseconds
        var quiet = 0
        while Clock.nanoseconds() < limit, quiet < quietSeconds {
            read(forMilliseconds: 1_000)
            let now = stats.cpuMilliseconds
            quiet = now - cpu < 20 ? quiet + 1 : 0
            cpu = now
        }
        return quiet >= quietSeconds
    }

    /// Reads until `marker` appears; returns when the bytes holding it arrived, in
    /// milliseconds since start, or nil if it never came. Unlike `firstPaint` it does not wait
    /// for the output to go quiet: a list that streams in keeps drawing.
    func firstSight(of marker: String, limitMilliseconds: Int = 30_000) -> Double? {
        let limit = Clock.nanoseconds() + UInt64(limitMilliseconds) * 1_000_000
        let needle = Array(marker.utf8)
        var searched = 0
        while Clock.nanoseconds() < limit {
            readAvailable(waitMilliseconds: 50)
            if outputContains(needle, from: max(0, searched - needle.count + 1)) {
                return Double(lastOutputAt - startedAt) / 1_000_000
            }
            searched = output.count
        }
        return nil
    }

    /// Sends `key` and reads until the program writes something back (at most
    /// `limitMilliseconds`); returns how long that took in milliseconds, or nil if nothing came.
    func answerTime(to key: String, limitMilliseconds: Int = 5_000) -> Double? {
        let sent = Clock.nanoseconds()
        type(key)
        let limit = sent + UInt64(limitMilliseconds) * 1_000_000
        while Clock.nanoseconds() < limit {
            if readAvailable(waitMilliseconds: 10) > 0 { return Double(lastOutputAt - sent) / 1_000_000 }
        }
        return nil
    }

    /// Whether `marker` is anywhere in the output so far.
    func hasShown(_ marker: String) -> Bool {
        outputContains(Array(marker.utf8), from: 0)
    }

    private func outputContains(_ needle: [UInt8], from first: Int) -> Bool {
        first < output.count && output[first...].firstRange(of: needle) != nil
    }

    @discardableResult
    private func readAvailable(waitMilliseconds: Int32) -> Int {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, waitMilliseconds) > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = Glibc.read(master, &buffer, buffer.count)
        guard count > 0 else { return 0 }
        output += buffer[0..<count]
        lastOutputAt = Clock.nanoseconds()
        return count
    }

    /// Process figures from /proc.
    var stats: ProcessStats { ProcessStats(pid: pid) }

    /// Ends the program (SIGTERM, then SIGKILL) and reaps it.
    func stop() {
        kill(pid, SIGTERM)
        _ = read(forMilliseconds: 200)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }
}

/// CPU time, context switches and memory of a running process, from /proc.
struct ProcessStats {
    /// Wake-ups between two readings: new switches of threads alive at both, plus all of
    /// threads started in between (threads that ended are not counted).
    /// With `thread`, only threads of that name count.
    static func wakeups(from before: ProcessStats, to after: ProcessStats, thread: String? = nil) -> Int {
        after.switchesByThread.reduce(0) { total, entry in
            guard thread == nil || after.names[entry.key] == thread else { return total }
            return total + entry.value - (before.switchesByThread[entry.key] ?? 0)
        }
    }

    /// Thread names by thread id.
    var names: [String: String] = [:]

    /// User plus system CPU time, in milliseconds.
    var cpuMilliseconds: Double
    /// Voluntary plus involuntary context switches per thread: how often each woke up.
    var switchesByThread: [String: Int]
    /// Peak resident set size (VmHWM), in KiB.
    var peakKB: Int

    init(pid: pid_t) {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        let ticks = fields.count > 12 ? (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0) : 0
        cpuMilliseconds = ticks * 1000 / Double(sysconf(Int32(_SC_CLK_TCK)))
        var switches: [String: Int] = [:]
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        for task in tasks {
            let status = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)) ?? ""
            names[task] = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            for line in status.split(separator: "\n") where line.contains("ctxt_switches:") {
                switches[task, default: 0] += Int(line.split(separator: "\t").last?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0
            }
        }
        switchesByThread = switches
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        peakKB = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

/// A monotonic clock in nanoseconds.
enum Clock {
    static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

/// A benchmark that could not run.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
