import ChargEyeSimulator
import Foundation
import Testing

@Suite("The chargeye binary, run as a user would", .serialized)
struct CLITests {
    let home: URL
    var runner: CommandRunner

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        runner = CommandRunner(home: home)
    }

    /// Runs with a simulator of our own, pointed at by the environment.
    func withServer(
        refreshToken: String = "cli-refresh-token-0123456789",
        _ body: (Simulator, CommandRunner) async throws -> Void
    ) async throws {
        try await runner.withSimulator({ $0.refreshToken = refreshToken }, body)
    }

    @Test("locations --demo prints a table that fits the width")
    func locationsTable() async throws {
        let result = try await runner.run(["locations", "--demo"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.count == 41)
        #expect(result.stdout.contains("Helsinki"))
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(result.stderr.isEmpty)
    }

    @Test("JSON and CSV keep the API's field names")
    func machineFormats() async throws {
        let json = try await runner.run(["locations", "--demo", "--format", "json", "--filter", "oslo"])
        #expect(json.status == 0)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(decoded.count == 1)
        #expect(decoded.first?["id"] is String)
        #expect(decoded.first?["city"] as? String == "Oslo")

        let csv = try await runner.run(["locations", "--demo", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.first == "id,name,address,city,postalCode,state,country,countryCode,lat,lng,locationId")
        #expect(lines.count == 41)
    }

    @Test("--filter is case-insensitive and accent-insensitive")
    func filter() async throws {
        let result = try await runner.run(["locations", "--demo", "--format", "csv", "--filter", "JYVASKYLA"])
        #expect(result.stdout.split(separator: "\r\n").count == 2)
        #expect(result.stdout.contains("Jyväskylä"))
    }

    @Test("stations and transactions drill down from a location")
    func drillDown() async throws {
        let locations = try await runner.run(["locations", "--demo", "--format", "csv"])
        let uid = try #require(locations.stdout.split(separator: "\r\n").dropFirst().first?.split(separator: ",").first)
        let stations = try await runner.run(["stations", String(uid), "--demo", "--format", "csv"])
        #expect(stations.status == 0)
        let stationId = try #require(stations.stdout.split(separator: "\r\n").dropFirst().first?.split(separator: ",").first)
        let firstPage = try await runner.run(["transactions", String(stationId), "--demo", "--format", "csv"])
        #expect(firstPage.status == 0)
        #expect(firstPage.stdout.split(separator: "\r\n").count == 26)
        #expect(firstPage.stderr.contains("--all"))
        let all = try await runner.run(["transactions", String(stationId), "--demo", "--format", "json", "--all"])
        let transactions = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(transactions.count > 25)
        #expect(Set(transactions.compactMap { $0["txId"] as? String }).count == transactions.count)
    }

    @Test("connectors lists a station's connectors with their sessions")
    func connectors() async throws {
        let stations = try await runner.run(["stations", "--demo", "--format", "csv", try await firstLocation()])
        let stationId = try #require(stations.stdout.split(separator: "\r\n").dropFirst().first?.split(separator: ",").first)
        let result = try await runner.run(["connectors", String(stationId), "--demo", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n")
        #expect(lines.first == "stationId,connectorId,name,type,status,maxPowerKw,txId,soc,chargedEnergyKwh,powerKw,startTime")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(stationId + ",") })
        let missing = try await runner.run(["connectors", "KEM-NOPE-1-S01", "--demo"])
        #expect(missing.status == 4)
    }

    @Test("--watch prints the list again and again until interrupted")
    func watch() async throws {
        let result = try await runner.run(["locations", "--demo", "--watch", "1", "--filter", "oslo"], interruptAfter: .seconds(4))
        let rounds = result.stdout.split(separator: "\n").filter { $0.hasPrefix("as of ") }
        #expect(rounds.count >= 2)
        #expect(result.stdout.components(separatedBy: "Oslo Airport P3").count - 1 == rounds.count)
    }

    private func firstLocation() async throws -> String {
        let locations = try await runner.run(["locations", "--demo", "--format", "csv"])
        return String(try #require(locations.stdout.split(separator: "\r\n").dropFirst().first?.split(separator: ",").first))
    }

    @Test("get prints pretty JSON of any path")
    func rawGet() async throws {
        let result = try await runner.run(["get", "/locations", "--demo"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("{\n  \"locations\": ["))
    }

    @Test("exit code 4 and one clear line for a 404")
    func notFound() async throws {
        let result = try await runner.run(["location", "no-such-location", "--demo"])
        #expect(result.status == 4)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains("HTTP 404 Not Found: \"Location no-such-location not found\""))
    }

    @Test("exit code 2 for usage errors")
    func usage() async throws {
        #expect(try await runner.run(["locations", "--format", "xml", "--demo"]).status == 2)
        #expect(try await runner.run(["transactions", "S1", "--from", "someday", "--demo"]).status == 2)
        #expect(try await runner.run(["no-such-command"]).status == 2)
    }

    @Test("--help documents the exit codes and succeeds")
    func help() async throws {
        let result = try await runner.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Exit codes:"))
        #expect(result.stdout.contains("3  authentication"))
    }

    @Test("exit code 3 without a refresh token and with a rejected one")
    func authenticationFailures() async throws {
        try await withServer { _, runner in
            var missing = runner
            missing.environment["CHARGEYE_REFRESH_TOKEN"] = nil
            let none = try await missing.run(["locations"])
            #expect(none.status == 3)
            #expect(none.stderr.contains("no refresh token configured"))
            let browser = try await missing.run([])
            #expect(browser.status == 3)
            #expect(browser.stderr.contains("no refresh token configured"))

            var wrong = runner
            wrong.environment["CHARGEYE_REFRESH_TOKEN"] = "wrong-token-value"
            let rejected = try await wrong.run(["locations"])
            #expect(rejected.status == 3)
            #expect(rejected.stderr.contains("refresh token was rejected"))
            #expect(!rejected.stderr.contains("wrong-token-value"))
        }
    }

    @Test("exit code 5 when the server keeps failing")
    func serverFailure() async throws {
        try await withServer { simulator, runner in
            simulator.addFault(FaultRule(path: "/locations", status: 503, body: #"{"errorMessage":"Maintenance until 14:00"}"#))
            let result = try await runner.run(["locations"])
            #expect(result.status == 5)
            #expect(result.stderr.contains("\"Maintenance until 14:00\" (after 3 attempts)"))
            #expect(simulator.requestCounts["/locations"] == 3)
        }
    }

    @Test("a second process reuses the cached token; the cache is private even under umask 000")
    func tokenCacheAcrossProcesses() async throws {
        try await withServer { simulator, runner in
            let first = try await runner.run(["token"], umask: "000")
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("token valid until"))
            let second = try await runner.run(["locations"], umask: "000")
            #expect(second.status == 0)
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 1)

            let directory = home.appendingPathComponent("cache/chargeye")
            let file = try #require(try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil).first)
            #expect(try permissions(directory) == 0o700)
            #expect(try permissions(file) == 0o600)

            chmod(file.path, 0o644)
            let third = try await runner.run(["locations"])
            #expect(third.status == 0)
            #expect(third.stderr.contains("warning: ignoring token cache"))
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 2)

            let uncached = try await runner.run(["locations", "--no-token-cache"])
            #expect(uncached.status == 0)
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 3)
        }
    }

    @Test("tokens never appear in output or in the verbose log")
    func noSecretsInOutput() async throws {
        let secret = "cli-refresh-token-0123456789"
        try await withServer(refreshToken: secret) { _, runner in
            let log = home.appendingPathComponent("chargeye.log")
            let results = [
                try await runner.run(["token", "--verbose", "--log-file", log.path]),
                try await runner.run(["token", "--json", "--renew", "--verbose"]),
                try await runner.run(["locations", "--verbose", "--log-file", log.path]),
                try await runner.run(["get", "/locations", "--verbose", "--include"]),
            ]
            let logText = try String(contentsOf: log, encoding: .utf8)
            #expect(logText.contains("GET /locations -> 200"))
            #expect(try permissions(log) == 0o600)
            for text in results.flatMap({ [$0.stdout, $0.stderr] }) + [logText] {
                #expect(!text.contains(secret))
                #expect(!text.contains("eyJ"))
            }
        }
    }

    @Test("profiles come from config.toml; a malformed file is a usage error with its line")
    func profiles() async throws {
        try await withServer { simulator, runner in
            var runner = runner
            runner.environment["CHARGEYE_BASE_URL"] = nil
            let tokenFile = home.appendingPathComponent("staging.token")
            try "cli-refresh-token-0123456789\n".write(to: tokenFile, atomically: true, encoding: .utf8)
            chmod(tokenFile.path, 0o600)
            runner.environment["CHARGEYE_REFRESH_TOKEN"] = nil
            let configDirectory = home.appendingPathComponent("config/chargeye")
            try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
            let config = configDirectory.appendingPathComponent("config.toml")
            try """
                [profiles.staging]
                base_url = "\(simulator.baseURL.absoluteString)"
                refresh_token_file = "\(tokenFile.path)"
                label = "Staging"
                """.write(to: config, atomically: true, encoding: .utf8)
            let token = try await runner.run(["token", "--profile", "staging"])
            #expect(token.status == 0, "\(token.stderr)")
            #expect(token.stdout.contains("authenticated to Staging"))

            let unknown = try await runner.run(["token", "--profile", "prod"])
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("known profiles: staging"))

            try "[profiles.staging\nbase_url = 1\n".write(to: config, atomically: true, encoding: .utf8)
            let broken = try await runner.run(["token", "--profile", "staging"])
            #expect(broken.status == 2)
            #expect(broken.stderr.contains("config.toml:1:"))
        }
    }

    @Test("config path and config check, with line-numbered errors")
    func configCommands() async throws {
        let path = try await runner.run(["config", "path"])
        #expect(path.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == home.appendingPathComponent("config/chargeye/config.toml").path)
        #expect(try await runner.run(["config", "check"]).stdout.contains("no configuration file"))
        let directory = home.appendingPathComponent("config/chargeye")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("config.toml")
        try """
            default_profile = "prod"
            theme = "dark"
            refresh_interval = 15

            [profiles.prod]
            base_url = "https://kempower.io/api"
            header_color = "red"

            [keys]
            moveDown = ["n", "Down"]
            """.write(to: file, atomically: true, encoding: .utf8)
        let good = try await runner.run(["config", "check"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("profiles: prod (default prod)"))
        #expect(good.stdout.contains("remapped keys: moveDown"))
        for (content, message) in [
            ("theme = \"neon\"\n", "config.toml:1: theme must be one of terminal, dark, light, monochrome"),
            ("[keys]\nfly = [\"f\"]\n", "config.toml:2: unknown action \"fly\""),
            ("[keys]\nquit = [\"Hyper-Q\"]\n", "config.toml:2: unknown key \"Hyper-Q\" for quit"),
            ("[profiles.a]\nheader_color = \"plaid\"\n", "config.toml:2: [profiles.a] header_color must be one of"),
            ("colour = 1\n", "unknown setting(s): colour"),
            ("theme = \n", "config.toml:1:"),
        ] {
            try content.write(to: file, atomically: true, encoding: .utf8)
            let bad = try await runner.run(["config", "check"])
            #expect(bad.status == 2)
            #expect(bad.stderr.contains(message), "\(bad.stderr)")
        }
    }

    private func permissions(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? Int ?? 0) & 0o777
    }
}

@Suite("README examples")
struct ReadmeExampleTests {
    @Test("the configuration example in the README passes config check")
    func configExample() async throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "```toml\n").dropFirst().first?.components(separatedBy: "```").first)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-readme-\(UUID().uuidString)")
        let directory = home.appendingPathComponent("config/chargeye")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try block.write(to: directory.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let result = try await CommandRunner(home: home).run(["config", "check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("profiles: production, staging (default production)"))
    }
}
