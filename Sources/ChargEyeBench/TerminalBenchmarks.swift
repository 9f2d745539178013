import ChargEyeSimulator
import Foundation

/// The measurements that run real binaries in a pseudo-terminal.
struct TerminalBenchmarks {
    let programs: Programs
    let runs: Int
    let idleSeconds: Int

    /// Key sequences as a terminal sends them.
    enum Keys {
        static let pageDown = "\u{1B}[6~"
    }

    // MARK: First paint and memory

    /// What one kind of chargeye start costs, per run: exec → the first frame with location
    /// rows, settled (no output for 100 ms; a large list keeps streaming in behind it); exec →
    /// all locations loaded and settled; and the peak RSS by then.
    struct Loading {
        var firstPaint: [Double] = []
        var allLoaded: [Double] = []
        var peakKB: [Int] = []
        /// The peak RSS once chargeye has gone quiet after the list (`settled` runs only): the
        /// fleet status line's read of every station comes after the locations.
        var settledPeakKB: [Int] = []
    }

    /// The demo: simulator, token, fetch, decode and draw all in chargeye's process.
    func chargeyeFirstPaint(locations: Int) throws -> Loading {
        try chargeyeLoading(locations: locations, arguments: ["--demo", "--demo-locations", "\(locations)"])
    }

    /// chargeye alone, against a simulator in this process (so the server's memory and CPU are
    /// not counted in chargeye's).
    func chargeyeFirstPaintAgainstServer(locations: Int, settled: Bool = false) async throws -> Loading {
        try await againstServer(locations: locations) { arguments in
            try chargeyeLoading(locations: locations, arguments: arguments, settled: settled)
        }
    }

    /// The fleet's Stations view, measured against a simulator in this process.
    struct FleetFigures {
        var loading = Loading()
        /// CPU of the whole process per switch between Locations and Stations (`S`), in ms.
        var switchCPU: [Double] = []
        /// Bytes written per switch.
        var switchBytes: [Double] = []
        /// Switches that repainted the whole screen.
        var switchRepaints = 0
        /// Bytes written in `refreshSeconds` with the Stations view refreshing every 15 s (the switches come first, well before the first refresh).
        var refreshBytes: [Double] = []
        static let refreshSeconds = 20
    }

    /// The fleet's Stations view (`--view stations`) against a simulator of `locations` in this
    /// process: when the first station shows in the detail pane, when the list is complete
    /// ("as of" comes with the whole answer), the peak RSS; then switches to the locations and
    /// back, and what the live refresh of every station writes.
    func chargeyeFleetAgainstServer(locations: Int) async throws -> FleetFigures {
        try await againstServer(locations: locations) { arguments in
            var figures = FleetFigures()
            for _ in 0..<runs {
                let terminal = try PseudoTerminal(
                    executable: programs.chargeye, arguments: arguments + ["--view", "stations", "--refresh-interval", "15"],
                    environment: programs.environment, width: 120, height: 30
                )
                defer { terminal.stop() }
                guard let first = terminal.firstSight(of: "station id"), let all = terminal.firstSight(of: "as of ") else {
                    let tail = String(decoding: terminal.output.suffix(300), as: UTF8.self).debugDescription
                    throw BenchError("chargeye never showed the fleet of \(locations) locations; its last output: \(tail)")
                }
                figures.loading.firstPaint.append(first)
                figures.loading.allLoaded.append(all)
                figures.loading.peakKB.append(terminal.stats.peakKB)
                measureSwitches(terminal, into: &figures)
                let before = terminal.output.count
                terminal.read(forMilliseconds: FleetFigures.refreshSeconds * 1000)
                figures.refreshBytes.append(Double(terminal.output.count - before))
            }
            return figures
        }
    }

    /// `S` to the locations and back, twice after a first round that loads the locations.
    private func measureSwitches(_ terminal: PseudoTerminal, into figures: inout FleetFigures) {
        terminal.readUntilQuiet()
        for round in 0..<3 {
            for _ in 0..<2 {
                let cpu = terminal.stats.cpuMilliseconds, before = terminal.output.count
                terminal.type("S")
                terminal.readUntilQuiet(quietMilliseconds: round == 0 ? 1_000 : 100)
                guard round > 0 else { continue }
                figures.switchCPU.append(terminal.stats.cpuMilliseconds - cpu)
                figures.switchBytes.append(Double(terminal.output.count - before))
                if Self.erasesDisplay(terminal.output[before...]) { figures.switchRepaints += 1 }
            }
        }
    }

    /// Keys while a long list streams in from a server in another process: from the first
    /// frame until the load time ("as of") shows, a line move every 40 ms, `j` and `k` in turn
    /// (so each one changes the screen even while only a few rows have arrived: `j` on the
    /// last row would move nothing and draw nothing); for each, the time from sending it to
    /// the first byte written back (milliseconds, all runs together).
    func keysWhileStreaming(locations: Int) async throws -> [Double] {
        try await againstServer(locations: locations) { arguments in
            var latencies: [Double] = []
            for _ in 0..<runs {
                let terminal = try PseudoTerminal(
                    executable: programs.chargeye, arguments: arguments, environment: programs.environment, width: 80, height: 24
                )
                defer { terminal.stop() }
                guard terminal.firstSight(of: "Fleet status") != nil else {
                    throw BenchError("chargeye never showed the first of its \(locations) locations")
                }
                var down = true
                while !terminal.hasShown("as of ") {
                    let sent = Clock.nanoseconds()
                    guard let latency = terminal.answerTime(to: down ? "j" : "k") else { throw BenchError("chargeye stopped answering keys") }
                    down.toggle()
                    // Counted once a row shows ("1/" of the list's position): before, a key has nothing to move.
                    if terminal.hasShown("1/") { latencies.append(latency) }
                    let next = sent + 40_000_000
                    while Clock.nanoseconds() < next { terminal.read(forMilliseconds: Int((next - Clock.nanoseconds()) / 1_000_000) + 1) }
                }
            }
            return latencies
        }
    }

    /// Runs `body` with chargeye's arguments for a simulator of `locations` in this process.
    func againstServer<T>(locations: Int, _ body: ([String]) throws -> T) async throws -> T {
        var configuration = Simulator.Configuration()
        configuration.locations = locations
        let simulator = try await Simulator.start(configuration)
        let result = Result {
            let tokenFile = try tokenFile(named: "demo-token", holding: simulator.refreshToken)
            return try body(["--base-url", simulator.baseURL.absoluteString, "--refresh-token-file", tokenFile.path, "--no-token-cache"])
        }
        await simulator.stop()
        return try result.get()
    }

    /// A refresh-token file in the benchmark's home, private as chargeye asks of one (else it
    /// shows a warning for a while, bytes the idle and start-up figures would count).
    private func tokenFile(named name: String, holding token: String) throws -> URL {
        let file = programs.home.appendingPathComponent(name)
        try Data(token.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return file
    }

    private func chargeyeLoading(locations: Int, arguments: [String], settled: Bool = false) throws -> Loading {
        var loading = Loading()
        for _ in 0..<runs {
            let terminal = try PseudoTerminal(
                executable: programs.chargeye, arguments: arguments, environment: programs.environment, width: 80, height: 24
            )
            defer { terminal.stop() }
            // Markers that are drawn fresh, never as a few changed cells of older text: the
            // fleet summary line comes with the first rows, "as of" (the load time) once all
            // are in.
            guard let first = terminal.firstPaint(marker: "Fleet status"),
                let all = terminal.firstPaint(marker: "as of ")
            else {
                let tail = String(decoding: terminal.output.suffix(300), as: UTF8.self).debugDescription
                throw BenchError("chargeye never showed its \(locations) locations; its last output: \(tail)")
            }
            loading.firstPaint.append(first)
            loading.allLoaded.append(all)
            loading.peakKB.append(terminal.stats.peakKB)
            if settled {
                guard terminal.waitUntilSettled(quietSeconds: 2) else {
                    throw BenchError("chargeye with \(locations) locations did not go quiet within 30 s of its list")
                }
                loading.settledPeakKB.append(terminal.stats.peakKB)
            }
        }
        return loading
    }

    /// The same for `less -S` on the rows as text, or any program (htop) with no marker.
    func referenceFirstPaint(_ executable: String, _ arguments: [String], marker: String?) throws -> (milliseconds: [Double], peakKB: [Int]) {
        var times: [Double] = [], peaks: [Int] = []
        for _ in 0..<runs {
            let terminal = try PseudoTerminal(
                executable: executable, arguments: arguments, environment: programs.environment, width: 80, height: 24
            )
            guard let time = terminal.firstPaint(marker: marker) else {
                terminal.stop()
                throw BenchError("\(executable) never painted")
            }
            times.append(time)
            peaks.append(terminal.stats.peakKB)
            terminal.stop()
        }
        return (times, peaks)
    }

    /// Time from exec to the first byte on the terminal when the API never answers: start-up
    /// work that needs no network (configuration, token cache, terminal setup).
    func chargeyeStartup() throws -> [Double] {
        let server = try HostileServer.start(.neverAnswers)
        defer { server.stop() }
        let tokenFile = try tokenFile(named: "refresh-token", holding: "bench")
        var times: [Double] = []
        for _ in 0..<runs {
            let terminal = try PseudoTerminal(
                executable: programs.chargeye,
                arguments: ["--base-url", server.baseURL.absoluteString, "--refresh-token-file", tokenFile.path, "--no-token-cache"],
                environment: programs.environment, width: 80, height: 24
            )
            terminal.read(forMilliseconds: 0)
            while terminal.output.isEmpty, Double(Clock.nanoseconds() - terminal.startedAt) / 1e6 < 5_000 {
                terminal.read(forMilliseconds: 1)
            }
            times.append(Double(terminal.lastOutputAt - terminal.startedAt) / 1_000_000)
            terminal.stop()
        }
        return times
    }

    // MARK: Bytes per action

    /// Bytes written for each action, medians over repeats, at one size.
    struct ActionBytes: Codable {
        var lineDown: Double
        /// One line down with the detail pane hidden (`d`): the list alone, as in less.
        var lineDownListOnly: Double?
        var pageDown: Double
        var nextItemDetail: Double?
        var filterOneMoreCharacter: Double?
        /// Whether any action repainted the whole screen (an erase-display sequence).
        var fullRepaints: Int
    }

    func chargeyeActions(width: Int, height: Int, locations: Int) throws -> ActionBytes {
        let terminal = try PseudoTerminal(
            executable: programs.chargeye, arguments: ["--demo", "--demo-locations", "\(locations)"],
            environment: programs.environment, width: width, height: height
        )
        defer { terminal.stop() }
        guard terminal.firstPaint(marker: "as of ") != nil else { throw BenchError("chargeye did not start") }
        var repaints = 0
        func measure(_ key: String, times: Int) -> Double {
            var samples: [Double] = []
            for _ in 0..<times {
                let before = terminal.output.count
                terminal.type(key)
                samples.append(Double(terminal.readUntilQuiet()))
                if Self.erasesDisplay(terminal.output[before...]) { repaints += 1 }
            }
            return Statistics.median(samples)
        }
        let lineDown = measure("j", times: 20)
        let pageDown = measure(Keys.pageDown, times: 5)
        terminal.type("g")
        terminal.readUntilQuiet()
        terminal.type("/a")
        terminal.readUntilQuiet()
        let filter = measure("r", times: 1)
        terminal.type("\u{1B}")
        terminal.readUntilQuiet()
        terminal.type("d")
        terminal.read(forMilliseconds: 4_500)  // the "detail pane hidden" notice comes and goes
        let listOnly = measure("j", times: 20)
        return ActionBytes(
            lineDown: lineDown, lineDownListOnly: listOnly, pageDown: pageDown, nextItemDetail: lineDown,
            filterOneMoreCharacter: filter, fullRepaints: repaints
        )
    }

    func lessActions(width: Int, height: Int, file: URL) throws -> ActionBytes? {
        guard let less = programs.less else { return nil }
        let terminal = try PseudoTerminal(executable: less, arguments: ["-S", file.path], environment: programs.environment, width: width, height: height)
        defer { terminal.stop() }
        guard terminal.firstPaint(marker: nil) != nil else { throw BenchError("less did not start") }
        var samples: [Double] = []
        for _ in 0..<20 {
            terminal.type("j")
            samples.append(Double(terminal.readUntilQuiet()))
        }
        var pages: [Double] = []
        for _ in 0..<5 {
            terminal.type(" ")
            pages.append(Double(terminal.readUntilQuiet()))
        }
        return ActionBytes(lineDown: Statistics.median(samples), pageDown: Statistics.median(pages), fullRepaints: 0)
    }

    private static func erasesDisplay(_ bytes: ArraySlice<UInt8>) -> Bool {
        let erase: [UInt8] = Array("\u{1B}[2J".utf8), home: [UInt8] = Array("\u{1B}[H\u{1B}[J".utf8)
        let text = Array(bytes)
        return text.firstRange(of: erase) != nil || text.firstRange(of: home) != nil
    }

    // MARK: Idle

    /// What a program costs while nobody touches it, with the token countdown visible.
    struct Idle: Codable {
        var seconds: Int
        var bytes: Int
        var cpuMilliseconds: Double
        var cpuPercent: Double
        var wakeups: Int
        /// Wake-ups of the terminal thread alone (`chargeye-ui`), which draws the countdown.
        var terminalThreadWakeups: Int?
        var writes: Int
    }

    /// `keys` are typed once the program is up, before the window starts (`p` pauses chargeye's
    /// live refreshes: the fleet is read again every 30 s while the locations list shows).
    func idle(_ executable: String, _ arguments: [String], marker: String?, keys: String = "") throws -> Idle {
        let terminal = try PseudoTerminal(executable: executable, arguments: arguments, environment: programs.environment, width: 80, height: 24)
        defer { terminal.stop() }
        guard terminal.firstPaint(marker: marker) != nil else { throw BenchError("\(executable) did not start") }
        if !keys.isEmpty { terminal.type(keys) }
        terminal.read(forMilliseconds: 500)
        // The window starts once the program has settled: chargeye's first fleet read follows
        // the locations list and is no part of idling.
        terminal.waitUntilSettled()
        let before = terminal.stats, bytesBefore = terminal.output.count
        var writes = 0
        let end = Clock.nanoseconds() + UInt64(idleSeconds) * 1_000_000_000
        while Clock.nanoseconds() < end {
            if terminal.read(forMilliseconds: 50) > 0 { writes += 1 }
        }
        let after = terminal.stats
        let cpu = after.cpuMilliseconds - before.cpuMilliseconds
        return Idle(
            seconds: idleSeconds, bytes: terminal.output.count - bytesBefore, cpuMilliseconds: cpu,
            cpuPercent: cpu / Double(idleSeconds * 1000) * 100, wakeups: ProcessStats.wakeups(from: before, to: after),
            terminalThreadWakeups: ProcessStats.wakeups(from: before, to: after, thread: "chargeye-ui"), writes: writes
        )
    }
}
