import ArgumentParser
import Foundation

/// `swift run -c release chargeye-bench [--quick]`: chargeye and reference programs measured
/// side by side in one run; prints a Markdown table and writes the figures as JSON.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chargeye-bench",
        abstract: "Measure chargeye beside less and htop: first paint, bytes per action, idle cost, memory, and in-process timings."
    )

    @Flag(help: "Fewer runs, a 10 s idle window and no 100,000-location terminal runs (a smoke test).")
    var quick = false

    @Option(help: ArgumentHelp("Where to write the JSON results.", valueName: "path"))
    var json = "bench-results.json"

    @Option(name: .customLong("only"), help: ArgumentHelp(
        "Run only these sections (repeatable): \(Section.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "section"
    ))
    var sections: [Section] = []

    /// Parts of the run that can be run alone while working on one of them.
    enum Section: String, CaseIterable, ExpressibleByArgument {
        case startup, paint, large, keys, fleet, actions, idle, decode, ui
    }

    func run() async throws {
        let programs = try Programs()
        let runs = quick ? 3 : 5
        var report = Report(machine: Report.machineDescription(), date: ISO8601DateFormatter().string(from: Date()), runs: runs, quick: quick)
        let terminal = TerminalBenchmarks(programs: programs, runs: runs, idleSeconds: quick ? 10 : 30)
        // First, while this process is small: the child of a fork must drop a copy of its
        // parent's page tables when it calls execve, which costs milliseconds once this process
        // holds 100,000 reference rows and a simulator; that is the benchmark's cost, not chargeye's.
        if wants(.startup) {
            log("start-up")
            report.add("start-up before the network (config, cache, terminal): exec to first byte", unit: "ms",
                       chargeye: Statistics.median(try terminal.chargeyeStartup()), atMost: 20)
        }
        log("building reference rows")
        let small = try await ReferenceRows.make(count: 1_000, in: programs.home)
        let large = try await ReferenceRows.make(count: 100_000, in: programs.home)
        if wants(.paint) { try firstPaint(terminal, programs, small, into: &report) }
        if wants(.large), !quick { try await largeList(terminal, programs, large, into: &report) }
        if wants(.keys), !quick {
            log("keys while streaming")
            let latencies = try await terminal.keysWhileStreaming(locations: 100_000)
            let name = "keys while 100,000 locations stream in, server in another process (j and k in turn every 40 ms, \(latencies.count) keys)"
            report.add("\(name): answer p50", unit: "ms", chargeye: Statistics.median(latencies))
            report.add("\(name): answer max", unit: "ms", chargeye: latencies.max() ?? 0, atMost: 50)
        }
        if wants(.fleet) { try await fleet(terminal, into: &report) }
        if wants(.actions) { try actions(terminal, small, into: &report) }
        if wants(.idle) { try await idle(terminal, programs, small, into: &report) }
        if wants(.decode) { try await decoding(small, large, runs: runs, programs: programs, into: &report) }
        if wants(.ui) { userInterface(small, large, into: &report) }

        print("\nchargeye-bench on \(report.machine), \(report.date), medians of \(runs) runs\n")
        print(report.table)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(report).write(to: URL(fileURLWithPath: json))
        print("\nJSON: \(json)")
        try? FileManager.default.removeItem(at: programs.home)
    }

    private func wants(_ section: Section) -> Bool {
        sections.isEmpty || sections.contains(section)
    }

    /// The 1,000-location demo's first paint beside htop's and less's, and its memory.
    private func firstPaint(_ terminal: TerminalBenchmarks, _ programs: Programs, _ small: ReferenceRows, into report: inout Report) throws {
        log("first paint")
        let paint = try terminal.chargeyeFirstPaint(locations: 1_000)
        let htop = try programs.htop.map { Statistics.median(try terminal.referenceFirstPaint($0, [], marker: nil).milliseconds) }
        report.add("first paint, 1,000 locations (demo: simulator, token, fetch, decode, draw)", unit: "ms",
                   chargeye: Statistics.median(paint.firstPaint), reference: htop, referenceName: "htop", atMost: htop.map { $0 / 2 })
        let less = try programs.less.map { try terminal.referenceFirstPaint($0, ["-S", small.textFile.path], marker: nil) }
        report.add("first paint, the same 1,000 rows as text", unit: "ms", chargeye: nil,
                   reference: less.map { Statistics.median($0.milliseconds) }, referenceName: "less -S")
        report.add("peak RSS, 1,000 locations loaded", unit: "MB", chargeye: Statistics.median(paint.peakKB.map(Double.init)) / 1024,
                   reference: less.map { Statistics.median($0.peakKB.map(Double.init)) / 1024 }, referenceName: "less -S")
    }

    /// 100,000 locations: in the demo, and from a server in another process.
    private func largeList(_ terminal: TerminalBenchmarks, _ programs: Programs, _ large: ReferenceRows, into report: inout Report) async throws {
        log("100,000 locations")
        let less = try programs.less.map { try terminal.referenceFirstPaint($0, ["-S", large.textFile.path], marker: nil) }
        let demo = try terminal.chargeyeFirstPaint(locations: 100_000)
        report.add("first paint, 100,000 locations (first rows; the rest streams in behind them)", unit: "ms",
                   chargeye: Statistics.median(demo.firstPaint),
                   reference: less.map { Statistics.median($0.milliseconds) }, referenceName: "less -S", atMost: 700)
        report.add("all 100,000 locations loaded (demo)", unit: "ms", chargeye: Statistics.median(demo.allLoaded))
        report.add("peak RSS, 100,000 locations loaded (demo: embedded server included)", unit: "MB",
                   chargeye: Statistics.median(demo.peakKB.map(Double.init)) / 1024, atMost: 100)
        let alone = try await terminal.chargeyeFirstPaintAgainstServer(locations: 100_000, settled: true)
        report.add("first paint, 100,000 locations, server in another process", unit: "ms",
                   chargeye: Statistics.median(alone.firstPaint), atMost: 40)
        report.add("all 100,000 locations loaded, server in another process", unit: "ms",
                   chargeye: Statistics.median(alone.allLoaded), atMost: 400)
        report.add("peak RSS, 100,000 locations loaded, server in another process", unit: "MB",
                   chargeye: Statistics.median(alone.peakKB.map(Double.init)) / 1024, atMost: 72)
        report.add("peak RSS, the same once settled (the fleet status line's read of every station included)", unit: "MB",
                   chargeye: Statistics.median(alone.settledPeakKB.map(Double.init)) / 1024, atMost: 72)
    }

    /// The fleet's Stations view against a server in another process.
    private func fleet(_ terminal: TerminalBenchmarks, into report: inout Report) async throws {
        log("fleet")
        let fleetLocations = quick ? 1_200 : 5_000
        let fleet = try await terminal.chargeyeFleetAgainstServer(locations: fleetLocations)
        let fleetName = "fleet of \(fleetLocations) locations (\(quick ? "about 5,000" : "about 20,000") stations, streamed), server in another process"
        report.add("\(fleetName): first rows of the Stations view", unit: "ms", chargeye: Statistics.median(fleet.loading.firstPaint), atMost: quick ? nil : 150)
        report.add("\(fleetName): all loaded", unit: "ms", chargeye: Statistics.median(fleet.loading.allLoaded), atMost: quick ? nil : 1_500)
        report.add("\(fleetName): peak RSS", unit: "MB", chargeye: Statistics.median(fleet.loading.peakKB.map(Double.init)) / 1024, atMost: quick ? nil : 120)
        report.add("\(fleetName): switch between Locations and Stations (S), whole process CPU (10 ms clock ticks)", unit: "ms", chargeye: Statistics.median(fleet.switchCPU), atMost: 10)
        report.add("\(fleetName): switch between Locations and Stations (S), bytes written", unit: "B", chargeye: Statistics.median(fleet.switchBytes))
        report.add("\(fleetName): whole-screen repaints in \(fleet.switchCPU.count) switches", unit: "", chargeye: Double(fleet.switchRepaints), atMost: 0)
        report.add("\(fleetName): bytes written in \(TerminalBenchmarks.FleetFigures.refreshSeconds) s with a live refresh every 15 s (120x30)", unit: "B",
                   chargeye: Statistics.median(fleet.refreshBytes))
    }

    /// Bytes written per action, beside less.
    private func actions(_ terminal: TerminalBenchmarks, _ small: ReferenceRows, into report: inout Report) throws {
        log("bytes per action")
        for (width, height) in [(80, 24), (200, 50)] {
            let ours = try terminal.chargeyeActions(width: width, height: height, locations: 1_000)
            let theirs = try terminal.lessActions(width: width, height: height, file: small.textFile)
            let size = "\(width)x\(height)"
            report.add("one line down, \(size), detail pane shown", unit: "B", chargeye: ours.lineDown, reference: theirs?.lineDown,
                       referenceName: "less -S", atMost: width == 80 ? 445 : nil)
            report.add("one line down, \(size), list only (d)", unit: "B", chargeye: ours.lineDownListOnly, reference: theirs?.lineDown,
                       referenceName: "less -S", atMost: theirs.map { $0.lineDown * 1.5 })
            report.add("one page down, \(size)", unit: "B", chargeye: ours.pageDown, reference: theirs?.pageDown,
                       referenceName: "less -S", atMost: theirs.map { $0.pageDown * 1.2 })
            report.add("next item's detail, \(size)", unit: "B", chargeye: ours.nextItemDetail)
            report.add("filter by one more character, \(size)", unit: "B", chargeye: ours.filterOneMoreCharacter)
            report.add("whole-screen repaints during these actions, \(size)", unit: "", chargeye: Double(ours.fullRepaints), atMost: 0)
        }
    }

    /// What chargeye costs untouched: in the demo, against a server in another process, and
    /// with its live refresh running.
    private func idle(_ terminal: TerminalBenchmarks, _ programs: Programs, _ small: ReferenceRows, into report: inout Report) async throws {
        log("idle")
        // Live refreshes paused (`p`): what chargeye costs with nothing to do. The cost of the
        // fleet's live refresh is its own row below.
        let idle = try terminal.idle(programs.chargeye, ["--demo", "--demo-locations", "1000"], marker: "as of ", keys: "p")
        let refreshing = try terminal.idle(programs.chargeye, ["--demo", "--demo-locations", "1000"], marker: "as of ")
        let lessIdle = try programs.less.map { try terminal.idle($0, ["-S", small.textFile.path], marker: nil) }
        report.add("idle \(idle.seconds) s, live refreshes paused, countdown visible: bytes written", unit: "B", chargeye: Double(idle.bytes),
                   reference: lessIdle.map { Double($0.bytes) }, referenceName: "less -S")
        report.add("idle: screen updates (countdown changes at most once a minute)", unit: "", chargeye: Double(idle.writes), atMost: Double(idle.seconds / 60 + 1))
        report.add("idle: CPU", unit: "%", chargeye: idle.cpuPercent, reference: lessIdle?.cpuPercent, referenceName: "less -S", atMost: 0)
        report.add("idle: wake-ups, all threads (the demo's embedded server included)", unit: "", chargeye: Double(idle.wakeups),
                   reference: lessIdle.map { Double($0.wakeups) }, referenceName: "less -S", atMost: Double(idle.seconds))
        report.add("idle: wake-ups of the terminal thread", unit: "", chargeye: idle.terminalThreadWakeups.map(Double.init), atMost: Double(idle.seconds / 60 + 1))
        report.add("idle \(refreshing.seconds) s, not paused: CPU (the fleet of 1,000 locations, about 4,000 stations, read again every 30 s)", unit: "%",
                   chargeye: refreshing.cpuPercent)
        let alone = try await terminal.againstServer(locations: 1_000) { arguments in
            try terminal.idle(programs.chargeye, arguments, marker: "as of ", keys: "p")
        }
        report.add("idle, server in another process: bytes written", unit: "B", chargeye: Double(alone.bytes))
        report.add("idle, server in another process: CPU", unit: "%", chargeye: alone.cpuPercent, atMost: 0.05)
        report.add("idle, server in another process: wake-ups, all threads", unit: "", chargeye: Double(alone.wakeups), atMost: Double(alone.seconds))
        if let htop = programs.htop {
            let htopIdle = try terminal.idle(htop, [], marker: nil)
            report.add("idle: CPU, htop for reference", unit: "%", chargeye: nil, reference: htopIdle.cpuPercent, referenceName: "htop")
        }
    }

    /// Decoding the locations answer in process, whole and streamed as the browser does.
    private func decoding(_ small: ReferenceRows, _ large: ReferenceRows, runs: Int, programs: Programs, into report: inout Report) async throws {
        log("decoding")
        let ten = try await ReferenceRows.make(count: 10_000, in: programs.home)
        for rows in [small, ten, large] where !(quick && rows.count > 10_000) {
            let decode = try await MicroBenchmarks.decode(rows, repeats: runs)
            report.add("decode \(rows.count) locations (\(rows.json.count / 1024) KiB), generated decoder", unit: "ms", chargeye: decode.milliseconds)
            report.add("decode \(rows.count) locations, generated decoder: throughput", unit: "MB/s", chargeye: decode.megabytesPerSecond)
            let streamed = try await MicroBenchmarks.decodeStreamed(rows, repeats: runs)
            report.add("decode \(rows.count) locations streamed, as the browser does (into its table)", unit: "ms", chargeye: streamed.milliseconds)
            report.add("decode \(rows.count) locations streamed: throughput", unit: "MB/s", chargeye: streamed.megabytesPerSecond, atLeast: 300)
        }
    }

    /// The view model and drawing in process: filtering, sorting, drawing, switching views.
    private func userInterface(_ small: ReferenceRows, _ large: ReferenceRows, into report: inout Report) {
        log("in-process")
        let filter = MicroBenchmarks.filterKeystrokes(large.locations)
        report.add("filter keystroke over 100,000 rows, p50", unit: "ms", chargeye: filter.p50)
        report.add("filter keystroke over 100,000 rows, p99 (\(filter.samples) keystrokes)", unit: "ms", chargeye: filter.p99, atMost: 16)
        report.add("Screen.draw at 200x50", unit: "µs", chargeye: MicroBenchmarks.draw(large.locations), atMost: 2_000)
        report.add("sort 100,000 rows (one s key)", unit: "ms", chargeye: MicroBenchmarks.sort(large.locations))
        let viewSwitch = MicroBenchmarks.viewSwitch(small.locations, perLocation: 20)
        report.add("switch between Locations and Stations (S) with \(viewSwitch.stations) stations loaded, key and frame", unit: "ms",
                   chargeye: viewSwitch.milliseconds, atMost: 10)
        let bucketing = UsageBenchmarks.bucketing(UsageBenchmarks.transactions(), runs: 5)
        report.add("usage report: 100,000 transactions read and bucketed by day (20 stations, 30 days)", unit: "ms",
                   chargeye: bucketing.milliseconds, atMost: 50)
        report.add("usage chart of 30 days drawn at 200x50", unit: "µs", chargeye: UsageBenchmarks.drawChart(bucketing.report), atMost: 2_000)
    }

    private func log(_ text: String) {
        FileHandle.standardError.write(Data("chargeye-bench: \(text)…\n".utf8))
    }
}
