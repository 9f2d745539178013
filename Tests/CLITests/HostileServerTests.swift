import ChargEyeSimulator
import Foundation
import Testing

/// What chargeye must make of each hostile scenario: an exit code and words the user sees.
private struct Expectation {
    var status: Int32
    /// On stderr (or stdout when the command succeeds) and on the browser's screen.
    var says: String
}

private func expectation(_ scenario: HostileScenario) -> Expectation {
    switch scenario {
    case .names: Expectation(status: 0, says: "OSC 52 clipboard write")
    case .truncatedJSON: Expectation(status: 5, says: "Unexpected end of file")
    case .wrongTypes: Expectation(status: 5, says: "locations[0].id")
    case .duplicateKeys: Expectation(status: 0, says: "First name")
    case .deepNesting: Expectation(status: 5, says: "nests arrays or objects more than 512 levels deep")
    case .hugeNumbers: Expectation(status: 5, says: "not valid JSON")
    case .empty200: Expectation(status: 5, says: "the body is empty")
    case .html200: Expectation(status: 5, says: "Sign in to the guest Wi-Fi")
    case .hugeBody: Expectation(status: 5, says: "16 MB limit")
    case .gzipBomb: Expectation(status: 5, says: "compressed (gzip)")
    case .resetMidBody: Expectation(status: 5, says: "dropped")
    case .neverAnswers, .trickle: Expectation(status: 5, says: "no answer from 127.0.0.1 within 2 s")
    case .crossHostRedirect: Expectation(status: 5, says: "HTTP 302")
    case .unauthorized: Expectation(status: 4, says: "refused even with a fresh token")
    case .rateLimited: Expectation(status: 5, says: "1 h 0 min")
    case .serverError: Expectation(status: 5, says: "after 3 attempts")
    }
}

/// Bytes that must never reach a terminal from API text: C0 controls but newline, DEL, C1
/// controls and bidi overrides.
private func terminalControls(in text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { scalar in
        (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}

@Suite("A hostile server: the command line", .serialized)
struct HostileCommandLineTests {
    /// The built binary in a private home, with a refresh token for the hostile server.
    private static func runner() -> CommandRunner {
        var runner = CommandRunner(home: FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-hostile-\(UUID().uuidString)"))
        runner.environment["CHARGEYE_REFRESH_TOKEN"] = "hostile-refresh-token"
        return runner
    }

    @Test("each scenario ends in a clear error or correct output, within its bounds", arguments: HostileScenario.allCases)
    func scenario(_ scenario: HostileScenario) async throws {
        let server = try HostileServer.start(scenario)
        defer { server.stop() }
        // A short timeout only where the server never finishes; the rest answer at once, and a
        // loaded machine must not turn their answers into timeouts and retries (the gzip bomb
        // also needs about 3 s of CPU to reach its own error).
        let timeout = Self.timeout(scenario)
        let result = try await Self.runner().run([
            "locations", "--base-url", server.baseURL.absoluteString, "--timeout", timeout, "--max-response-mb", "16",
        ])
        let expected = expectation(scenario)
        #expect(result.status == expected.status, "stderr: \(result.stderr)")
        #expect((result.status == 0 ? result.stdout : result.stderr).contains(expected.says), "stdout: \(result.stdout.prefix(500)) stderr: \(result.stderr)")
        #expect(terminalControls(in: result.stdout + result.stderr).isEmpty)
        #expect(!(result.stdout + result.stderr).contains(server.issuedToken))
        #expect(!(result.stdout + result.stderr).contains("hostile-refresh-token"))

        let stats = server.stats
        #expect(stats.leakedCredentials == 0)
        #expect(stats.tokenRequests <= 2, "a token exchange per call is a storm")
        switch scenario {
        case .unauthorized: #expect(stats.apiRequests == 2, "one replay after one renewal, no loop")
        case .rateLimited, .crossHostRedirect: #expect(stats.apiRequests == 1)
        case .serverError, .resetMidBody, .neverAnswers, .trickle: #expect(stats.apiRequests == 3, "bounded attempts")
        default: #expect(stats.apiRequests == 1, "an unreadable answer is not retried")
        }
    }

    /// Seconds for `--timeout`: 2 where the server never finishes its answer, else 30.
    static func timeout(_ scenario: HostileScenario) -> String {
        [.neverAnswers, .trickle].contains(scenario) ? "2" : "30"
    }

    @Test("hostile names come out whole but inert: no escape, control or bidi character")
    func namesAreSanitized() async throws {
        let server = try HostileServer.start(.names)
        defer { server.stop() }
        let result = try await Self.runner().run(["locations", "--base-url", server.baseURL.absoluteString, "--format", "csv"])
        #expect(result.status == 0)
        for text in ["clipboard write", "hostile-2,\"Title  change \"", "Clear  screen", "CSI red  colour", "NUL  in the middle",
                     "Bidi evil and isolate overrides", "Invalid UTF-8 \u{FFFD}", "東京駅 充電ステーション ⚡🔌🚗",
                     String(repeating: "W", count: 10_000)] {
            #expect(result.stdout.contains(text), "missing \(text.prefix(40))")
        }
        // CSV lines end in CRLF (RFC 4180); nothing else may be a control character.
        #expect(terminalControls(in: result.stdout.replacingOccurrences(of: "\r\n", with: "\n")).isEmpty)
    }
}

extension RealTerminals {
    @Suite("A hostile server: the browser in a real terminal (tmux)")
    struct HostileBrowserTests {
        @Test("each scenario ends in the error pane or a correct screen; the terminal's title and clipboard stay untouched", arguments: HostileScenario.allCases)
        func scenario(_ scenario: HostileScenario) async throws {
            let server = try HostileServer.start(scenario)
            defer { server.stop() }
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-hostile-ui-\(UUID().uuidString)")
            let tmux = try await Tmux.shell(width: 120, height: 30, home: home, extra: ["CHARGEYE_REFRESH_TOKEN": "hostile-refresh-token"])
            try tmux.acceptClipboardWrites()
            let title = try tmux.paneTitle()
            let timeout = HostileCommandLineTests.timeout(scenario)
            try tmux.enter("chargeye --base-url \(server.baseURL.absoluteString) --timeout \(timeout) --max-response-mb 16; echo EXIT=$?")

            switch scenario {
            case .names:
                try await tmux.waitForAll("clipboard write", "東京駅", "Invalid UTF-8 \u{FFFD}", "Locations 1/10")
            case .neverAnswers:
                try await tmux.waitFor("loading…")
                try tmux.send("Escape")
                try await tmux.waitFor("cancelled GET /locations")
            case .rateLimited:
                try await tmux.waitForAll("Request failed", "1 h 0 min")
                try tmux.send("r")
                try await tmux.waitForAll("Request failed", "1 h 0 min")
                try tmux.send("Escape")
                try await tmux.waitUntil(description: "the error pane to close") { !$0.contains("Request failed") }
            case .duplicateKeys:
                try await tmux.waitForAll("First name", "Locations 1/1")
            case .deepNesting:
                try await tmux.waitForAll("Request failed", "unreadable response", "512 levels deep")
            case .hugeNumbers:
                try await tmux.waitForAll("Request failed", "unreadable response", "not valid JSON")
            case .unauthorized:
                try await tmux.waitForAll("Request failed", "HTTP 401", "Token is not valid for this tenant")
            case .serverError:
                try await tmux.waitForAll("Request failed", "HTTP 500", "attempts: 3")
            default:
                try await tmux.waitForAll("Request failed", expectation(scenario).says)
            }
            let screen = try tmux.capture()
            #expect(terminalControls(in: screen).isEmpty)
            #expect(!screen.contains(server.issuedToken))
            try tmux.send("q")
            try await tmux.waitFor("EXIT=0")
            #expect(try tmux.paneTitle() == title, "an escape sequence from the API changed the terminal's title")
            #expect(try tmux.pasteBuffers().isEmpty, "an escape sequence from the API wrote the clipboard")
            #expect(server.stats.leakedCredentials == 0)
        }
    }
}
