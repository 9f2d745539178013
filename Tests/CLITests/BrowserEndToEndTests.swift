import Foundation
import Testing

extension RealTerminals {
    @Suite("The browser in a real terminal (tmux)")
    struct BrowserEndToEndTests {
        private let home = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-e2e-\(UUID().uuidString)")

        /// A shell at its prompt in a tmux window of the given size, with the built binary on PATH.
        private func shell(width: Int = 100, height: Int = 30) async throws -> Tmux {
            try await Tmux.shell(width: width, height: height, home: home)
        }

        @Test("browse, filter, drill in and out, fail and retry, resize, suspend and resume, quit cleanly")
        func fullSession() async throws {
            let tmux = try await shell()
            try tmux.enter("stty -g > /tmp/chargeye-stty-before-$$")
            try tmux.enter("chargeye --demo")
            try await tmux.waitFor("Helsinki Fleet Yard")
            var screen = try await tmux.waitForAll("token 7h 59m", "DEMO", "Locations 1/40")

            try tmux.send("j", "j")
            try await tmux.waitFor("Locations 3/40")
            try tmux.type("/oslo")
            screen = try await tmux.waitForAll("1/1 of 40", "Oslo")
            try tmux.send("Enter", "Enter")
            try await tmux.waitFor("Stations · Oslo")
            screen = try await tmux.waitFor("station id KEM-OSL-")
            try tmux.send("Enter")
            try await tmux.waitFor("Connectors · KEM-OSL-")
            try tmux.send("Escape")
            try await tmux.waitFor("Stations · Oslo")
            try tmux.send("Escape")
            screen = try await tmux.waitFor("Locations 1/1 of 40")

            try tmux.send("x")
            try await tmux.waitFor("FAULTS ON")
            try tmux.send("C-r")
            screen = try await tmux.waitForAll("Request failed", "HTTP 503 Service Unavailable", "Simulated outage", "STALE", "Oslo")
            // The error pane is a mode: Enter does not drill in behind it; Esc dismisses it and
            // the list still says the reload failed, with the key that retries.
            try tmux.send("Enter", "Escape")
            screen = try await tmux.waitForAll("could not reload: HTTP 503", "r retry", "Locations 1/1 of 40")
            #expect(!screen.contains("Request failed"))
            try tmux.send("x")
            // The header's badge, not the 4-second notice: a loaded machine can miss a notice.
            try await tmux.waitUntil(description: "the FAULTS ON badge to go") { !$0.contains("FAULTS ON") }
            try tmux.send("r")
            try await tmux.waitUntil(description: "the error pane to close") { !$0.contains("Request failed") && !$0.contains("STALE") }

            try tmux.resize(width: 60, height: 20)
            screen = try await tmux.waitUntil(description: "a 60x20 redraw") { $0.split(separator: "\n").first?.count ?? 0 <= 60 && $0.contains("Locations") }
            try tmux.resize(width: 200, height: 50)
            try await tmux.waitUntil(description: "a 200x50 redraw") { $0.contains("Locations") && $0.split(separator: "\n").contains { $0.count > 150 } }
            try tmux.resize(width: 30, height: 8)
            try await tmux.waitFor("terminal too small")
            try tmux.resize(width: 100, height: 30)
            try await tmux.waitFor("Locations 1/1 of 40")

            try tmux.send("C-z")
            try await tmux.waitFor("Stopped")
            try tmux.enter("fg")
            try await tmux.waitFor("Locations 1/1 of 40")

            try tmux.send("q")
            try await tmux.waitUntil(description: "the shell prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("$") }
            try tmux.enter("stty -g | cmp -s - /tmp/chargeye-stty-before-$$ && echo TTY-RESTORED")
            screen = try await tmux.waitFor("TTY-RESTORED")
            #expect(!screen.contains("Locations 1/1"))
        }

        @Test("operations features: live refresh, roll-up facets, request log, remapped keys from the config")
        func operationsFeatures() async throws {
            let configDirectory = home.appendingPathComponent(".config/chargeye")
            try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
            try """
                refresh_interval = 2
                [keys]
                moveDown = ["n", "Down"]
                """.write(to: configDirectory.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
            let tmux = try await shell(width: 140, height: 30)
            try tmux.enter("chargeye --demo")
            try await tmux.waitFor("Locations 1/40")
            try tmux.send("n")
            try await tmux.waitFor("Locations 2/40")
            try tmux.send("Enter")
            var screen = try await tmux.waitFor("Location · ")
            #expect(screen.split(separator: "\n").first { $0.contains("Location · ") }?.contains { "█▓▒░".contains($0) } == true)
            let firstStamp = try #require(screen.firstMatch(of: /as of (\d\d:\d\d:\d\d)/)?.output.1)
            screen = try await tmux.waitUntil(description: "a live refresh") { screen in
                guard let stamp = screen.firstMatch(of: /as of (\d\d:\d\d:\d\d)/)?.output.1 else { return false }
                return stamp != firstStamp
            }
            try tmux.send("f")
            try await tmux.waitFor("only ")
            try tmux.send("Escape")
            try await tmux.waitUntil(description: "the facet to clear") { !$0.contains("only ") }
            try tmux.send("L")
            screen = try await tmux.waitForAll("Requests ", "/auth/refreshAccessToken", "/stations?locationUid=")
            try tmux.send("Escape", "q")
            try await tmux.waitUntil(description: "the shell prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("$") }
        }

        @Test("the fleet: every location's status at start, the Stations view, its problems, and the jump to a location")
        func fleetViews() async throws {
            let tmux = try await shell(width: 100, height: 30)
            try tmux.enter("chargeye --demo")
            var screen = try await tmux.waitForAll("Locations 1/40", "Fleet · ")
            #expect(screen.contains(" st "), "location rows show their status without being opened")
            try tmux.send("S")
            screen = try await tmux.waitForAll("Stations · fleet", "LOCATION", "1/154")
            try tmux.send("!")
            screen = try await tmux.waitForAll("Problems · fleet", "PROBLEM", "LAST ACTIVITY")
            let station = try #require(screen.firstMatch(of: /station id (KEM-[A-Z]+-\d+-S\d+)/)?.output.1)
            try tmux.send("o")
            screen = try await tmux.waitForAll("Locations › ", "Stations · ", "station id \(station)")
            try tmux.send("S")
            try await tmux.waitFor("Problems · fleet")
            try tmux.send("q")
            try await tmux.waitUntil(description: "the shell prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("$") }

            // Opening on the problems: the fleet first, the locations when switched to.
            try tmux.enter("clear; chargeye --demo --view problems")
            screen = try await tmux.waitForAll("Problems · fleet", "PROBLEM", "station id KEM-")
            #expect(!screen.contains("Locations"))
            try tmux.send("S")
            try await tmux.waitForAll("Locations 1/40", "Fleet · ")
            try tmux.send("q")
            try await tmux.waitUntil(description: "the shell prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("$") }
        }

        @Test("a resize storm and a flood of 10,000 keys leave a correct, responsive screen")
        func stress() async throws {
            let tmux = try await shell()
            try tmux.enter("chargeye --demo")
            try await tmux.waitFor("Locations 1/40")
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<200 {
                try tmux.resize(width: Int.random(in: 1...300, using: &generator), height: Int.random(in: 1...100, using: &generator))
            }
            try tmux.resize(width: 100, height: 30)
            // The last frame is complete: the list title and the status bar are both on screen.
            var screen = try await tmux.waitUntil(description: "a full redraw at 100x30, header first") {
                $0.contains("Locations 1/40") && $0.contains("token 7h") && $0.split(separator: "\n").first?.contains("chargeye") == true
            }
            try tmux.type(String(repeating: "j", count: 10_000))
            try await tmux.waitFor("Locations 40/40")
            try tmux.send("g")
            screen = try await tmux.waitFor("Locations 1/40")
            #expect(screen.contains("Aarhus"))
            try tmux.send("q")
            try await tmux.waitUntil(description: "the shell prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("$") }
        }

        @Test("an SSH drop (the terminal hangs up) ends the browser cleanly and says so in the log")
        func hangUp() async throws {
            let log = home.appendingPathComponent("chargeye.log")
            let tmux = try await shell()
            try tmux.enter("exec chargeye --demo --log-file \(log.path) --refresh-interval 2")
            try await tmux.waitFor("Locations 1/40")
            try tmux.send("Enter")
            try await tmux.waitFor("Location · ")
            tmux.stop()
            #expect(!tmux.isRunning)
            // Killing the tmux server hangs up the terminal the browser runs in.
            let deadline = Date().addingTimeInterval(10)
            var text = ""
            while Date() < deadline {
                text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if text.contains("browser ended") { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(text.contains("browser started on built-in simulator"))
            #expect(text.contains("browser ended: SIGHUP: the terminal hung up") || text.contains("browser ended: the terminal closed"), "\(text.suffix(600))")
            #expect(text.contains("GET /stations?locationUid="))
            #expect(!text.contains("eyJ"))
        }

        @Test("a terminal type ncurses does not know, or dumb, is refused with exit code 2")
        func unknownTerminal() async throws {
            let tmux = try await shell()
            try tmux.enter("TERM=no-such-terminal chargeye --demo; echo EXIT=$?")
            let screen = try await tmux.waitUntil(description: "the exit status") { $0.split(separator: "\n").contains { $0.hasPrefix("EXIT=") } }
            #expect(screen.contains("EXIT=2"))
            #expect(screen.contains("terminal type \"no-such-terminal\" cannot run a full-screen program"))
            try tmux.enter("TERM=dumb chargeye --demo; echo DUMB-EXIT=$?")
            let dumb = try await tmux.waitUntil(description: "the exit status") { $0.split(separator: "\n").contains { $0.hasPrefix("DUMB-EXIT=") } }
            #expect(dumb.contains("DUMB-EXIT=2"))
            #expect(dumb.contains("terminal type \"dumb\" cannot run a full-screen program"))
        }

        @Test("the usage chart: a location's and a station's, period and bucket keys, Esc stops then closes, ASCII in the C locale")
        func usageChart() async throws {
            let tmux = try await shell(width: 80, height: 24)
            try tmux.enter("chargeye --demo")
            try await tmux.waitFor("Locations 1/40")
            try tmux.send("u")
            var screen = try await tmux.waitForAll("Usage: Aarhus Airport P3, by day", "sessions of", "kWh per day", "% used")
            #expect(screen.contains("█") && screen.contains("▲"))
            try tmux.send("b")
            try await tmux.waitFor("Energy kWh per week")
            try tmux.send("[")
            screen = try await tmux.waitUntil(description: "the earlier 12 weeks") { $0.contains("sessions of") && $0.contains("kWh per week") && !$0.contains("W49") }
            try tmux.send("]", "k")
            try await tmux.waitFor("W49")
            // The first Esc stops a walk still going (what came stays), the next closes.
            try tmux.send("Escape")
            try await tmux.waitUntil(description: "the walk to end") { !$0.contains("reading transactions") }
            try tmux.send("Escape")
            try await tmux.waitFor("Locations 1/40")
            try tmux.send("Enter")
            try await tmux.waitFor("station id KEM-")
            try tmux.send("Enter", "u")
            try await tmux.waitForAll("Usage: station KEM-", "sessions of 1 station;")
            try tmux.send("Escape", "q")
            try await tmux.waitUntil(description: "the shell prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("$") }
            try tmux.enter("clear; LANG=C LC_ALL=C chargeye --demo")
            try await tmux.waitFor("Locations 1/40")
            try tmux.send("u")
            screen = try await tmux.waitForAll("Usage: Aarhus Airport P3", "sessions of 6 stations;", "% used")
            #expect(screen.contains("#") && screen.contains("^") && !screen.contains("█"))
            #expect(screen.unicodeScalars.allSatisfy { $0.value < 0x80 })
            try tmux.send("Escape", "q")
            try await tmux.waitUntil(description: "the shell prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("$") }
        }

        @Test("live gauges at 80x24: the roll-up's bar, a station's power against its maximum; ASCII in the C locale")
        func liveGauges() async throws {
            let tmux = try await shell(width: 80, height: 24)
            let forms = [("chargeye --demo", "Location · ", "█▓▒░", "█▉▊▋▌▍▎▏░"), ("clear; LANG=C LC_ALL=C chargeye --demo", "Location - ", "X!=.", "#+.>")]
            for (command, scope, marks, gauge) in forms {
                try tmux.enter(command)
                try await tmux.waitFor("Locations 1/40")
                try tmux.send("Enter")
                var screen = try await tmux.waitFor(scope)
                let rollup = try #require(screen.split(separator: "\n").first { $0.contains(scope) })
                #expect(rollup.contains { marks.contains($0) }, "no bar on the roll-up line: \(rollup)")
                try tmux.send("Tab", "Down", "Down", "Down")
                screen = try await tmux.waitUntil(description: "the station's power and its gauge") { $0.contains("power now") && $0.contains(" kW (") }
                let lines = screen.split(separator: "\n").map(String.init)
                let power = try #require(lines.firstIndex { $0.contains("power now") })
                let bar = lines[power + 1].filter { gauge.contains($0) }
                #expect(bar.count == 24, "the gauge under \(lines[power]): \(lines[power + 1])")
                try tmux.send("q")
                try await tmux.waitUntil(description: "the shell prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("$") }
            }
        }

        @Test("works at 80x24 without colour, with ASCII lines in the C locale")
        func plainTerminal() async throws {
            let tmux = try await shell(width: 80, height: 24)
            let raw = home.appendingPathComponent("output.bin")
            try tmux.recordOutput(to: raw.path)
            try tmux.enter("umask 000; LANG=C LC_ALL=C NO_COLOR=1 chargeye --demo")
            let screen = try await tmux.waitFor("Locations 1/40")
            #expect(screen.contains("+- Locations"))
            #expect(!screen.contains("┌"))
            try tmux.send("H")
            try await tmux.waitFor("hand-off written to")
            try tmux.send("?")
            try await tmux.waitFor("any key closes")
            try tmux.send("q")
            try await tmux.waitUntil(description: "the help to close") { !$0.contains("any key closes") }
            try tmux.send("q")
            try await tmux.waitUntil(description: "the shell prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("$") }
            let bytes = String(decoding: try Data(contentsOf: raw), as: UTF8.self)
            #expect(bytes.contains("\u{1B}["))
            #expect(bytes.firstMatch(of: /\x1B\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/) == nil, "colour escapes despite NO_COLOR")
            #expect(bytes.unicodeScalars.allSatisfy { $0.value < 0x80 }, "non-ASCII bytes in the C locale")
            let directory = home.appendingPathComponent(".local/state/chargeye")
            let file = try #require(try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil).first)
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("connection: built-in simulator (demo)"))
            #expect(text.contains("TERM=xterm-256color"))
            #expect(!text.contains("eyJ"))
            #expect((try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int) == 0o600)
            #expect((try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int) == 0o700)
        }
    }
}
