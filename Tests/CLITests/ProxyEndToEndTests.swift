import ChargEyeSimulator
import Foundation
import Testing
import TestTools

/// The real binary through a real proxy (Debian's tinyproxy), as an operations host behind a
/// corporate proxy uses it: `HTTP_PROXY`/`HTTPS_PROXY` with a tunnel (CONNECT), credentials in
/// the proxy URL that never show, and `NO_PROXY` going round it.
@Suite("Proxies: a real tinyproxy in between")
struct ProxyEndToEndTests {
    private static let user = "ops"
    private static let password = "Pr0xyPass"

    /// A tinyproxy on a free loopback port, asking for `ops`'s password when `authenticated`.
    private final class Tinyproxy {
        let port: Int
        let log: URL
        private let process: Process

        init?(authenticated: Bool) throws {
            guard let path = ExternalTool.path("tinyproxy") else {
                if ExternalTool.required { Issue.record("tinyproxy is not installed (apt-get install tinyproxy)") }
                return nil
            }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-proxy-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            port = try freePort()
            log = directory.appendingPathComponent("tinyproxy.log")
            let configuration = directory.appendingPathComponent("tinyproxy.conf")
            try """
                Port \(port)
                Listen 127.0.0.1
                Timeout 30
                LogFile "\(log.path)"
                LogLevel Info
                MaxClients 20
                Allow 127.0.0.1
                \(authenticated ? "BasicAuth \(ProxyEndToEndTests.user) \(ProxyEndToEndTests.password)" : "")
                """.write(to: configuration, atomically: true, encoding: .utf8)
            process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = ["-d", "-c", configuration.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        /// Waits until it accepts connections.
        func ready() async throws {
            for _ in 0..<100 {
                if canConnect(port: port) { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            Issue.record("tinyproxy did not start listening on \(port)")
        }

        /// The tunnels it opened, as its log has them ("CONNECT 127.0.0.1:53127").
        var tunnels: [String] {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            // "CONNECT   Dec 03 00:50:49.639 [11484]: Request (file descriptor 5): CONNECT 127.0.0.1:18443 HTTP/1.1"
            return text.split(separator: "\n").compactMap { line in
                line.range(of: "): CONNECT ").map { String(line[$0.upperBound...].prefix { $0 != " " }) }
            }
        }

        deinit {
            // tinyproxy in the foreground outlives SIGTERM while its workers drain, and
            // Foundation's waitUntilExit spins off the main thread: end it outright, and let
            // Foundation reap it.
            kill(process.processIdentifier, SIGKILL)
        }
    }

    private func withProxy(authenticated: Bool = false, _ body: (Tinyproxy) async throws -> Void) async throws {
        guard let proxy = try Tinyproxy(authenticated: authenticated) else { return }
        try await proxy.ready()
        try await body(proxy)
    }

    @Test("plain HTTP through HTTP_PROXY: the calls go through the proxy's tunnel")
    func plainHTTP() async throws {
        try await withProxy { proxy in
            try await CommandRunner.inTemporaryHome("proxy-http").withSimulator { simulator, runner in
                var runner = runner
                runner.environment["HTTP_PROXY"] = "http://127.0.0.1:\(proxy.port)"
                let result = try await runner.run(["locations", "--format", "json", "--no-token-cache"])
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.stdout.contains("Helsinki Fleet Yard"))
                let target = "127.0.0.1:\(simulator.baseURL.port ?? 0)"
                #expect(proxy.tunnels.contains(target), "tunnels: \(proxy.tunnels)")
            }
        }
    }

    @Test("HTTPS through HTTPS_PROXY with credentials, TLS end to end; wrong credentials fail once, naming the proxy; the password never shows")
    func httpsWithCredentials() async throws {
        let authority = try ThrowAwayAuthority()
        try await withProxy(authenticated: true) { proxy in
            try await CommandRunner.inTemporaryHome("proxy-https").withSimulator({
                $0.tls = try? authority.issue(for: ["127.0.0.1", "localhost"])
            }) { simulator, runner in
                var runner = runner
                let caFile = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-ca-\(UUID().uuidString).pem")
                try authority.certificatePEM.write(to: caFile, atomically: true, encoding: .utf8)
                let log = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-proxy-log-\(UUID().uuidString)")
                runner.environment["CHARGEYE_CA_FILE"] = caFile.path
                runner.environment["https_proxy"] = "http://\(Self.user):\(Self.password)@127.0.0.1:\(proxy.port)"
                let result = try await runner.run(["stations", "--no-token-cache", "--log-file", log.path, "-v"])
                #expect(result.status == 0, "\(result.stderr)")
                let target = "127.0.0.1:\(simulator.baseURL.port ?? 0)"
                #expect(proxy.tunnels.contains(target))

                runner.environment["https_proxy"] = "http://\(Self.user):not-\(Self.password)@127.0.0.1:\(proxy.port)"
                let tunnelsBefore = proxy.tunnels.count
                let refused = try await runner.run(["locations", "--no-token-cache", "--log-file", log.path, "-v"])
                #expect(refused.status == 5)
                #expect(refused.stderr.contains("proxy"), "\(refused.stderr)")
                #expect(proxy.tunnels.count == tunnelsBefore + 1, "a proxy's refusal is not retried")
                let logged = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                #expect(logged.contains("proxy: http://127.0.0.1:\(proxy.port) (with credentials)"))
                for text in [result.stdout, result.stderr, refused.stdout, refused.stderr, logged] {
                    #expect(!text.contains(Self.password), "the proxy password showed")
                }
            }
        }
    }

    @Test("NO_PROXY goes round the proxy; without it, an unreachable proxy is named")
    func noProxy() async throws {
        try await CommandRunner.inTemporaryHome("no-proxy").withSimulator { _, runner in
            var runner = runner
            runner.environment["HTTP_PROXY"] = "http://127.0.0.1:\(try freePort())"
            let unreachable = try await runner.run(["locations", "--no-token-cache"])
            #expect(unreachable.status == 5)
            #expect(unreachable.stderr.contains("(the proxy for 127.0.0.1)"), "\(unreachable.stderr)")
            runner.environment["NO_PROXY"] = "example.com, 127.0.0.1"
            let direct = try await runner.run(["locations", "--no-token-cache"])
            #expect(direct.status == 0, "\(direct.stderr)")
        }
    }
}

/// A loopback port nobody listens on now.
private func freePort() throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
    }
    guard bound else { throw CocoaError(.fileWriteUnknown) }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Whether something accepts connections on the loopback `port`.
private func canConnect(port: Int) -> Bool {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: UInt16(port).bigEndian, sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
    return withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
}
