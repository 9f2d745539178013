import ChargEyeSimulator
import Foundation
import Testing

extension RealTerminals {
    @Suite("Secrets stay secret, end to end")
    struct SecretsEndToEndTests {
        @Test("a verbose browser session: no refresh token or JWT on screen, in the terminal's bytes, the log, the hand-off or /proc; the cache alone holds the JWT, 0600 in 0700 under umask 000")
        func browserSession() async throws {
            let refreshToken = "refresh-\(UUID().uuidString)-secret"
            var configuration = Simulator.Configuration()
            configuration.refreshToken = refreshToken
            let simulator = try await Simulator.start(configuration)
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-secrets-\(UUID().uuidString)")
            let tmux = try await Tmux.shell(width: 100, height: 30, home: home)
            let tokenFile = home.appendingPathComponent("refresh-token")
            try Data(refreshToken.utf8).write(to: tokenFile)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: tokenFile.path)
            let log = home.appendingPathComponent("chargeye.log"), bytes = home.appendingPathComponent("terminal.bin")

            try tmux.recordOutput(to: bytes.path)
            try tmux.enter("umask 000; chargeye --base-url \(simulator.baseURL.absoluteString) --refresh-token-file \(tokenFile.path) --verbose --log-file \(log.path)")
            var screens = [try await tmux.waitForAll("Locations 1/40", "token 7h")]
            let processes = try Tmux.descendants(of: tmux.shellPID())
            #expect(!processes.isEmpty, "chargeye was not found under the shell")

            try tmux.send("Enter")
            screens.append(try await tmux.waitForAll("Stations · ", "station id KEM-"))
            try tmux.send("Enter")
            screens.append(try await tmux.waitForAll("Connectors · ", "connector"))
            try tmux.send("c")
            screens.append(try await tmux.waitFor("copied"))
            try tmux.send("t")
            try await Task.sleep(for: .milliseconds(500))
            try tmux.send("L")
            screens.append(try await tmux.waitFor("Requests"))
            try tmux.send("Enter")
            try await Task.sleep(for: .milliseconds(300))
            screens.append(try tmux.capture())
            try tmux.send("c")
            try await Task.sleep(for: .milliseconds(300))
            try tmux.send("Escape")
            try await Task.sleep(for: .milliseconds(300))
            try tmux.send("Escape")
            try await tmux.waitUntil(description: "the request log to close") { !$0.contains("Requests") }
            try tmux.send(":")
            try tmux.type("/locations")
            try tmux.send("Enter")
            screens.append(try await tmux.waitFor("HTTP 200 GET /locations"))
            try tmux.send("Escape")
            try await tmux.waitUntil(description: "the console to close") { !$0.contains("HTTP 200 GET") }
            try tmux.send("H")
            screens.append(try await tmux.waitFor("hand-off written to"))
            let procTexts = processes.flatMap { pid in
                ["cmdline", "environ"].map { (try? String(decoding: Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/\($0)")), as: UTF8.self)) ?? "" }
            }
            try tmux.send("q")
            try await tmux.waitUntil(description: "the shell prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("$") }
            await simulator.stop()

            let cacheDirectory = home.appendingPathComponent(".cache/chargeye")
            let cacheFiles = try FileManager.default.contentsOfDirectory(at: cacheDirectory, includingPropertiesForKeys: nil)
            let cacheFile = try #require(cacheFiles.first)
            let jwt = try #require(try String(contentsOf: cacheFile, encoding: .utf8).firstMatch(of: /eyJ[A-Za-z0-9_.\-]+/)).0
            #expect(try permissions(cacheFile) == 0o600)
            #expect(try permissions(cacheDirectory) == 0o700)
            #expect(try permissions(log) == 0o600)

            let handoffDirectory = home.appendingPathComponent(".local/state/chargeye")
            let handoffs = try FileManager.default.contentsOfDirectory(at: handoffDirectory, includingPropertiesForKeys: nil)
            var places: [(String, String)] = [
                ("log", try String(contentsOf: log, encoding: .utf8)),
                ("terminal bytes", String(decoding: try Data(contentsOf: bytes), as: UTF8.self)),
            ]
            places += screens.enumerated().map { ("screen \($0.offset)", $0.element) }
            places += try handoffs.map { ("hand-off", try String(contentsOf: $0, encoding: .utf8)) }
            places += procTexts.map { ("/proc", $0) }
            // What went to the clipboard (OSC 52) is base64 in the terminal's bytes.
            let clipboard = places[1].1.matches(of: /\x1B\]52;[a-z]*;([A-Za-z0-9+\/=]+)/).compactMap { Data(base64Encoded: String($0.1)) }
            #expect(clipboard.count >= 2, "the id and the curl command were copied")
            places += clipboard.map { ("clipboard", String(decoding: $0, as: UTF8.self)) }
            #expect(places[0].1.contains("GET /locations"), "the verbose log has the requests")
            for (place, text) in places {
                #expect(!text.contains(refreshToken), "the refresh token is in the \(place)")
                #expect(!text.contains(String(jwt)), "the JWT is in the \(place)")
                #expect(!text.contains(String(jwt.prefix(24))), "the start of the JWT is in the \(place)")
            }
        }

        private func permissions(_ url: URL) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        }
    }
}
