import ArgumentParser
import ChargEyeSimulator
import Foundation

/// `chargeye simulator`: runs the ChargEye-compatible simulator until interrupted.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Run the built-in ChargEye-compatible server (seeded data, fault injection).",
        discussion: """
            Prints its base URL, then serves until Ctrl-C. Point chargeye at it with
            CHARGEYE_BASE_URL=<url> CHARGEYE_REFRESH_TOKEN=demo chargeye locations
            Faults can be changed while it runs: PUT <control URL>/faults with
            {"failRate": 0.3, "latencyMs": 200, "rules": [{"path": "/locations", "status": 503, "times": 2}]}
            (loopback peers only).
            With --hostile SCENARIO it serves a misbehaving server instead (loopback only, any refresh token accepted): \(HostileScenario.allCases.map(\.rawValue).joined(separator: ", ")).
            """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port = 0

    @Option(help: "Number of seeded locations (up to 100000).")
    var locations = 40

    @Option(help: "Seed of the generated fleet.")
    var seed: UInt64 = 2024

    @Option(name: .customLong("token-ttl"), help: ArgumentHelp("Lifetime of issued tokens.", valueName: "seconds"))
    var tokenTTL = 28_800

    @Option(help: ArgumentHelp("The refresh token the simulator accepts (a demo value, not a real credential).", valueName: "value"))
    var refreshToken = "demo"

    @Option(help: ArgumentHelp("Chance (0-1) that a request fails with a random 500 or 503.", valueName: "p"))
    var failRate = 0.0

    @Option(help: ArgumentHelp("Latency added to every request.", valueName: "ms"))
    var latencyMs = 0

    @Option(help: ArgumentHelp("A random extra latency of up to this much per request.", valueName: "ms"))
    var latencyJitterMs = 0

    @Option(name: .customLong("fail"), help: ArgumentHelp("Always answer PATH with STATUS (repeatable), e.g. /locations=503.", valueName: "path=status"))
    var failRules: [String] = []

    @Flag(help: "Serve data exactly as the API definition's happy path: no explicit nulls, unknown fields or values, numeric connector ids, alternative keys or zone-less times (these vary by default, as real answers do).")
    var strictData = false

    @Flag(help: "Refuse GET /stations without locationUid or stationIds (400), like a server that will not list a whole fleet at once.")
    var requireStationFilter = false

    @Flag(help: "Serve HTTPS with a certificate from a throw-away certificate authority made at start; prints the authority's PEM file for --ca-file (removed at exit).")
    var tls = false

    @Option(help: ArgumentHelp("Serve HTTPS with this PEM certificate (chain) instead; needs --tls-key.", valueName: "path"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("The private key (PEM) of --tls-cert.", valueName: "path"))
    var tlsKey: String?

    @Option(help: ArgumentHelp("Serve a misbehaving server instead: \(HostileScenario.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "scenario"))
    var hostile: String?

    func validate() throws {
        guard (0...100_000).contains(locations) else { throw ValidationError("--locations must be 0...100000") }
        guard (0...1).contains(failRate) else { throw ValidationError("--fail-rate must be between 0 and 1") }
        guard tokenTTL >= 10 else { throw ValidationError("--token-ttl must be at least 10 seconds") }
        guard latencyMs >= 0, latencyJitterMs >= 0 else { throw ValidationError("--latency-ms and --latency-jitter-ms must not be negative") }
        if let hostile, HostileScenario(rawValue: hostile) == nil {
            throw ValidationError("--hostile must be one of: \(HostileScenario.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if tls, tlsCert != nil { throw ValidationError("--tls makes its own certificate; it cannot be combined with --tls-cert") }
        if hostile != nil, tls || tlsCert != nil { throw ValidationError("--hostile serves plain HTTP only") }
        for rule in failRules where FaultRule(commandLine: rule) == nil {
            throw ValidationError("--fail \"\(rule)\" must look like /path=503")
        }
    }

    func run() async throws {
        if let hostile = hostile.flatMap(HostileScenario.init(rawValue:)) {
            try await runHostile(hostile)
            return
        }
        var configuration = Simulator.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.locations = locations
        configuration.seed = seed
        configuration.tokenTTL = TimeInterval(tokenTTL)
        configuration.refreshToken = refreshToken
        configuration.strictData = strictData
        configuration.requireStationFilter = requireStationFilter
        configuration.faults = FaultSettings(failRate: failRate, latencyMs: latencyMs, latencyJitterMs: latencyJitterMs, rules: failRules.compactMap(FaultRule.init(commandLine:)))
        var authorityFile: SimulatorAuthorityFile?
        if tls {
            let made = try SimulatorAuthorityFile.make(names: [host, "localhost", "127.0.0.1", "::1"])
            configuration.tls = made.serverCertificate
            authorityFile = made
        } else if let tlsCert, let tlsKey {
            configuration.tls = try SimulatorAuthorityFile.read(certificate: tlsCert, key: tlsKey)
        }
        defer { authorityFile?.remove() }
        let simulator = try await Simulator.start(configuration)
        Standard.out("""
            ChargEye simulator listening
              base URL:      \(simulator.baseURL.absoluteString)
              refresh token: \(refreshToken == "demo" ? "demo" : "(as given)")
              control:       \(simulator.controlURL.absoluteString)
            """ + (authorityFile.map { "\n  CA file:       \($0.path)  (chargeye --ca-file \($0.path) ...)" } ?? "") + """

            Press Ctrl-C to stop.
            """)
        await SignalWaiter.waitForTermination()
        await simulator.stop()
    }

    private func runHostile(_ scenario: HostileScenario) async throws {
        let server = try HostileServer.start(scenario, port: port)
        Standard.out("""
            Hostile ChargEye server listening (\(scenario.rawValue): \(scenario.summary))
              base URL:      \(server.baseURL.absoluteString)
              refresh token: any
            Press Ctrl-C to stop.
            """)
        await SignalWaiter.waitForTermination()
        server.stop()
    }
}

