import ChargEyeSimulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestTools

/// `status`, `check`, `metrics` and `exporter` through the binary, checked by the tools that
/// consume them: exit codes as a monitoring system reads them, promtool, and a real Prometheus
/// server scraping the exporter.
@Suite("Fleet health on the command line and in monitoring", .serialized, .timeLimit(.minutes(3)))
struct FleetMonitoringEndToEndTests {
    let runner: CommandRunner

    init() throws {
        runner = try .inTemporaryHome("monitoring")
    }

    private func withSimulator(requireFilter: Bool = false, _ body: (Simulator, CommandRunner) async throws -> Void) async throws {
        try await runner.withSimulator({ $0.locations = 12; $0.requireStationFilter = requireFilter }, body)
    }

    @Test("status: totals that agree with the station list, problems worst first, JSON for scripts")
    func status() async throws {
        try await withSimulator { _, runner in
            let table = try await runner.run(["status"])
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout.hasPrefix("Fleet: ") && table.stdout.contains("read in one call"))
            let json = try await runner.run(["status", "--format", "json"])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let totals = try #require(document["totals"] as? [String: Any])
            let csv = try await runner.run(["stations", "--format", "csv"])
            #expect(totals["stations"] as? Int == csv.stdout.split(separator: "\r\n").count - 1)
            #expect(document["source"] as? String == "unfiltered" && document["incomplete"] as? Bool == false)
            let problems = try #require(document["problems"] as? [[String: Any]])
            #expect(problems.allSatisfy { $0["stationId"] is String && $0["problem"] is String })
        }
    }

    @Test("status against a server that wants a filter: location by location; a failed location is INCOMPLETE, exit 5")
    func statusFallback() async throws {
        try await withSimulator(requireFilter: true) { simulator, runner in
            let whole = try await runner.run(["status", "--format", "json"])
            #expect(whole.status == 0, "\(whole.stderr)")
            #expect(whole.stdout.contains(#""source" : "perLocation""#))
            let victim = try await simulator.client().locations()[0].id
            simulator.addFault(FaultRule(path: "/stations?locationUid=\(victim)", status: 404))
            let partial = try await runner.run(["status"])
            #expect(partial.status == 5)
            #expect(partial.stdout.contains("INCOMPLETE: location \(victim): HTTP 404"))
            #expect(partial.stderr.contains("1 location could not be read"))
            let limited = try await runner.run(["status", "--fleet-limit", "5"])
            #expect(limited.status == 4 && limited.stderr.contains("more than the limit of 5"))
        }
    }

    @Test("check: exit codes 0-3, one status line with performance data, UNKNOWN for bad options and failures")
    func check() async throws {
        try await withSimulator { simulator, runner in
            let ok = try await runner.run(["check", "-w", "stations=1:", "-c", "stations=1:"])
            #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
            #expect(ok.stdout.hasPrefix("CHARGEYE OK - ") && ok.stdout.contains(" | stations="))
            let critical = try await runner.run(["check", "-c", "stations=@0:100000"])
            #expect(critical.status == 2 && critical.stdout.hasPrefix("CHARGEYE CRITICAL - "))
            let warning = try await runner.run(["check", "--warning", "connectors=1"])
            #expect(warning.status == 1 && warning.stdout.hasPrefix("CHARGEYE WARNING - "))
            let badRange = try await runner.run(["check", "-w", "offline=ten"])
            #expect(badRange.status == 3 && badRange.stdout.hasPrefix("CHARGEYE UNKNOWN - ") && badRange.stdout.contains("not a number"))
            let badOption = try await runner.run(["check", "--nonsense"])
            #expect(badOption.status == 3 && badOption.stdout.hasPrefix("CHARGEYE UNKNOWN - "))
            simulator.addFault(FaultRule(path: "/stations", status: 503))
            let down = try await runner.run(["check", "--deadline", "20"])
            #expect(down.status == 3 && down.stdout.hasPrefix("CHARGEYE UNKNOWN - GET /stations failed: HTTP 503"))
            #expect(down.stdout.split(separator: "\n").count == 1)
        }
    }

    @Test("metrics: the text format passes promtool; a failure still prints chargeye_up 0 and exits non-zero")
    func metrics() async throws {
        try await withSimulator { simulator, runner in
            let result = try await runner.run(["metrics"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("chargeye_up 1.0"))
            if let promtool = ExternalTool.path("promtool") {
                let lint = try await ExternalTool.run(promtool, ["check", "metrics"], input: result.stdout)
                #expect(lint.status == 0 && lint.output.isEmpty, "\(lint.output)")
            } else {
                #expect(ExternalTool.required == false, "promtool is missing: apt-get install prometheus")
            }
            simulator.addFault(FaultRule(path: "/stations", status: 503))
            let failed = try await runner.run(["metrics"])
            #expect(failed.status == 5 && failed.stdout.contains("chargeye_up 0.0") && failed.stderr.contains("HTTP 503"))
        }
    }

    @Test("exporter: a real Prometheus server scrapes it and its query API returns the fleet")
    func prometheus() async throws {
        guard let prometheusPath = ExternalTool.path("prometheus") else {
            #expect(ExternalTool.required == false, "prometheus is missing: apt-get install prometheus")
            return
        }
        try await withSimulator { _, runner in
            let expected = try await runner.run(["status", "--format", "json"])
            let totals = try #require((try JSONSerialization.jsonObject(with: Data(expected.stdout.utf8)) as? [String: Any])?["totals"] as? [String: Any])
            let exporter = try runner.start(["exporter", "--listen", "127.0.0.1:0", "--cache-seconds", "0"])
            defer { exporter.terminate() }
            let port = try await exporter.waitForStandardError(matching: #/127\.0\.0\.1:(\d+)\/metrics/#)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-prom-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            try """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: chargeye
                    static_configs:
                      - targets: ['127.0.0.1:\(port)']
                """.write(to: directory.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
            let webPort = try ExternalTool.freePort()
            let server = Process()
            server.executableURL = URL(fileURLWithPath: prometheusPath)
            server.arguments = [
                "--config.file=\(directory.path)/prometheus.yml", "--storage.tsdb.path=\(directory.path)/data",
                "--web.listen-address=127.0.0.1:\(webPort)", "--log.level=warn",
            ]
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            defer { server.terminate(); server.waitUntilExit() }
            let stations = try await ExternalTool.query(port: webPort, "sum(chargeye_stations)", within: .seconds(60))
            #expect(Int(stations) == totals["stations"] as? Int)
            #expect(try await ExternalTool.query(port: webPort, "chargeye_up", within: .seconds(10)) == "1")
            #expect(try await ExternalTool.query(port: webPort, "count(chargeye_location_info)", within: .seconds(10)) == "12")
        }
    }
}

/// What the end-to-end tests need beside running a tool: a free port, and Prometheus' answers.
extension ExternalTool {
    /// A port nobody listens on right now.
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(socket, raw, length) == 0 && getsockname(socket, raw, &length) == 0
            }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The single value of an instant query, once Prometheus has one (it needs a scrape or two).
    static func query(port: Int, _ expression: String, within limit: Duration) async throws -> String {
        let deadline = ContinuousClock.now + limit
        var components = URLComponents(string: "http://127.0.0.1:\(port)/api/v1/query")!
        components.queryItems = [URLQueryItem(name: "query", value: expression)]
        while ContinuousClock.now < deadline {
            if let (data, _) = try? await URLSession.shared.data(from: components.url!),
                let answer = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let result = (answer["data"] as? [String: Any])?["result"] as? [[String: Any]],
                let value = result.first?["value"] as? [Any], let text = value.last as? String
            {
                return text
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "Prometheus had no value for \(expression)"])
    }
}
