public import Foundation
import ChargEyeAPI
import Hummingbird
import NIOCore
import OpenAPIHummingbird
import OpenAPIRuntime
import Synchronization

/// A ChargEye-compatible HTTP server with seeded data and fault injection, for `--demo`, tests
/// and benchmarks. It implements the same generated server protocol as the client's.
public final class Simulator: Sendable {
    /// How to run it.
    public struct Configuration: Sendable {
        /// Address to listen on; loopback by default.
        public var host = "127.0.0.1"
        /// Port; 0 picks a free one.
        public var port = 0
        /// Number of seeded locations.
        public var locations = 40
        /// Seed of the generated fleet.
        public var seed: UInt64 = 2024
        /// Lifetime of each issued JWT, in seconds.
        public var tokenTTL: TimeInterval = 28_800
        /// The refresh token the simulator accepts.
        public var refreshToken = "demo"
        /// Faults to inject from the start.
        public var faults = FaultSettings()
        /// Data exactly as the definition's happy path: no nulls, unknown fields or values,
        /// numeric ids, alternative keys or zone-less times (`--strict-data`; see `DataVariance`).
        public var strictData = false
        /// Refuse `GET /stations` without `locationUid` or `stationIds` (400), as a server
        /// that will not list a whole fleet at once might (`--require-station-filter`).
        public var requireStationFilter = false
        /// Above this many locations (1,000: about 4,000 stations), the unfiltered
        /// `GET /stations` is written location by location as it is made
        /// (`StationListStreaming`), before data variance applies.
        public var streamStationsAbove = 1_000
        /// Serve HTTPS with this certificate (its chain, then the key) instead of plain HTTP.
        public var tls: PEMCertificate?

        /// The defaults: 40 locations on a free loopback port, refresh token `demo`.
        public init() {}
    }

    /// The API's base URL, e.g. `http://127.0.0.1:53127/api`.
    public let baseURL: URL
    /// The control endpoint's URL, e.g. `http://127.0.0.1:53127/_control`.
    public let controlURL: URL
    /// The refresh token it accepts.
    public let refreshToken: String

    private let faults: FaultInjector
    private let server: QuietServer
    private let task: Task<Void, Never>

    /// The path prefix of the API, as on kempower.io.
    static let apiPrefix = "/api"

    private init(
        baseURL: URL, controlURL: URL, refreshToken: String, faults: FaultInjector, server: QuietServer, task: Task<Void, Never>
    ) {
        self.baseURL = baseURL
        self.controlURL = controlURL
        self.refreshToken = refreshToken
        self.faults = faults
        self.server = server
        self.task = task
    }

    /// Starts a simulator and returns once it accepts connections.
    public static func start(_ configuration: Configuration = Configuration()) async throws -> Simulator {
        let fleet = await Fleet.generated(
            seed: configuration.seed, count: max(0, configuration.locations), epoch: Date(), variance: !configuration.strictData
        )
        let authority = TokenAuthority(refreshToken: configuration.refreshToken, ttl: configuration.tokenTTL)
        let faults = FaultInjector(settings: configuration.faults)

        let router = Router(context: SimulatorRequestContext.self)
        router.add(middleware: GatewayMiddleware(apiPrefix: apiPrefix, faults: faults, authority: authority))
        router.add(middleware: RouteGuard(apiPrefix: apiPrefix))
        router.add(middleware: LocationListStreaming(path: apiPrefix + "/locations", locations: fleet.locations))
        if !configuration.requireStationFilter {
            router.add(middleware: StationListStreaming(
                path: apiPrefix + "/stations", fleet: fleet, threshold: configuration.streamStationsAbove,
                varied: !configuration.strictData, now: Date.init
            ))
        }
        if !configuration.strictData {
            // A list long enough to be streamed is answered before variance applies.
            let streamed = fleet.locations.count > LocationListStreaming.threshold
            router.add(middleware: DataVarianceMiddleware(
                apiPrefix: apiPrefix, locations: streamed ? nil : VariedLocationList(fleet.locations)
            ))
        }
        try SimulatorAPI(fleet: fleet, authority: authority, now: Date.init, requireStationFilter: configuration.requireStationFilter)
            .registerHandlers(
                on: router, serverURL: URL(string: apiPrefix)!,
                // Compact JSON, as APIs send it (the runtime pretty-prints and sorts keys by default).
                configuration: OpenAPIRuntime.Configuration(dateTranscoder: TolerantDateTranscoder(), jsonEncodingOptions: [])
            )
        ControlRoutes.register(on: router, faults: faults)

        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let server = try QuietServer(
            router: router,
            server: try configuration.tls.map { try SimulatorTLS.server(serving: $0) } ?? .http1(),
            address: .hostname(configuration.host, port: configuration.port),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            }
        )
        let failure = Mutex<String?>(nil)
        let task = Task {
            do {
                try await server.run()
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            portContinuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            let error = failure.withLock { $0 }
            throw SimulatorError.cannotListen(host: configuration.host, port: configuration.port, reason: error ?? "unknown")
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let scheme = configuration.tls == nil ? "http" : "https"
        return Simulator(
            baseURL: URL(string: "\(scheme)://\(host):\(port)\(apiPrefix)")!,
            controlURL: URL(string: "\(scheme)://\(host):\(port)/_control")!,
            refreshToken: configuration.refreshToken,
            faults: faults, server: server, task: task
        )
    }

    /// The faults in force now.
    public var faultSettings: FaultSettings {
        get { faults.settings }
        set { faults.settings = newValue }
    }

    /// Adds one fault rule.
    public func addFault(_ rule: FaultRule) {
        faults.addRule(rule)
    }

    /// Requests received per API path (without the `/api` prefix and query).
    public var requestCounts: [String: Int] { faults.counts }

    /// Forgets the request counts.
    public func resetRequestCounts() {
        faults.resetCounts()
    }

    /// Waits until the server stops (it runs until `stop()` or the waiting task is cancelled,
    /// which stops it as `stop()` does).
    public func wait() async {
        let server = server
        await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            Task { await server.stop() }
        }
    }

    /// Stops the server gracefully and waits for it: connections already accepted are served,
    /// requests still running after `QuietServer.drainLimit` are cancelled.
    public func stop() async {
        await server.stop()
        await task.value
    }
}

/// Why the simulator could not start.
public enum SimulatorError: Error, CustomStringConvertible {
    /// Binding the listening socket failed.
    case cannotListen(host: String, port: Int, reason: String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason):
            "the simulator cannot listen on \(host):\(port): \(reason)"
        }
    }
}
