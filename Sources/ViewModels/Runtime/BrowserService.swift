public import ChargEyeAPI
public import ChargEyeUsage
public import Foundation

/// What the browser needs from the outside world. The real one wraps `ChargEyeClient`;
/// tests may use the same against the simulator, or a fake.
public protocol BrowserService: Sendable {
    /// Performs one read. A long list may arrive in parts first (`onPart`, at most about ten
    /// times a second); the answer is then `.locationsStreamed`.
    func perform(_ request: APIRequest, onPart: @escaping @Sendable (LocationsSoFar) -> Void) async throws -> APIResponse
    /// Every station the caller can see; `progress` follows the read (stations so far, or
    /// locations read one by one).
    func readFleet(progress: @escaping @Sendable (FleetProgress) -> Void) async throws -> FleetStations
    /// A raw GET for the console.
    func get(path: String) async throws -> RawResponse
    /// The usage chart's transactions: a location's station list first (`onStations`), then
    /// each station's transactions for the period, page by page (`onPage`), at most four
    /// stations at once; returns when every walk has ended or the task is cancelled.
    func usageHistory(
        _ scope: UsageScope, period: DateInterval, onStations: @escaping @Sendable ([String], [String: Int]) -> Void,
        onPage: @escaping @Sendable (TransactionHistory.StationHistory) -> Void
    ) async throws
    /// Renews the token now.
    func refreshToken() async throws
    /// Turns the demo simulator's fault injection on or off.
    func setFaults(on: Bool) async throws
    /// Token state updates, starting with the current state.
    func tokenUpdates() async -> AsyncStream<TokenState>
    /// Keeps the token renewed until cancelled.
    func keepTokenFresh() async
    /// Writes the support hand-off text somewhere private and returns where.
    func writeHandoff(_ text: String) async throws -> String
    /// Writes a warning to the log (the log file, when there is one).
    func log(_ text: String)
}

/// The real service: the API client, plus the demo's fault switch when there is one.
public struct ClientService: BrowserService {
    public let client: ChargEyeClient
    private let faultSwitch: (@Sendable (Bool) async throws -> Void)?
    private let handoffWriter: @Sendable (String) throws -> String
    private let fleetPolicy: FleetReadPolicy

    public init(
        client: ChargEyeClient, faultSwitch: (@Sendable (Bool) async throws -> Void)? = nil,
        fleetPolicy: FleetReadPolicy = .standard, handoffWriter: @escaping @Sendable (String) throws -> String
    ) {
        self.client = client
        self.fleetPolicy = fleetPolicy
        self.faultSwitch = faultSwitch
        self.handoffWriter = handoffWriter
    }

    public func perform(_ request: APIRequest, onPart: @escaping @Sendable (LocationsSoFar) -> Void) async throws -> APIResponse {
        switch request {
        case .locations:
            let throttle = PartThrottle(forward: onPart)
            let count = try await client.streamLocations(onPart: throttle.add)
            throttle.flush()
            return .locationsStreamed(count: count)
        case .stations(let uid): return .stations(try await client.stations(locationUid: uid))
        case .transactions(let stationId, let cursor): return .transactions(try await client.transactions(stationId: stationId, cursor: cursor))
        case .vehicles(let uid): return .vehicles(try await client.vehicles(locationUid: uid))
        case .stationAssets(let uid): return .stationAssets(try await client.stationAssets(locationUid: uid))
        case .fleet: return .fleet(try await readFleet { _ in })
        }
    }

    public func readFleet(progress: @escaping @Sendable (FleetProgress) -> Void) async throws -> FleetStations {
        let throttle = FleetProgressThrottle(forward: progress)
        return try await client.fleetStations(policy: fleetPolicy, progress: throttle.add)
    }

    public func get(path: String) async throws -> RawResponse {
        try await client.get(path: path)
    }

    public func usageHistory(
        _ scope: UsageScope, period: DateInterval, onStations: @escaping @Sendable ([String], [String: Int]) -> Void,
        onPage: @escaping @Sendable (TransactionHistory.StationHistory) -> Void
    ) async throws {
        let ids: [String]
        switch scope {
        case .stations(let stationIds):
            ids = stationIds
            onStations(ids, [:])
        case .location(let uid):
            let stations = try await client.stations(locationUid: uid)
            ids = stations.map(\.stationId)
            onStations(ids, UsageReport.connectorCounts(stations))
        }
        _ = await TransactionHistory.fetch(client, stationIds: ids, period: period, onPage: onPage)
    }

    public func refreshToken() async throws {
        _ = try await client.tokens.refresh()
    }

    public func setFaults(on: Bool) async throws {
        try await faultSwitch?(on)
    }

    public func tokenUpdates() async -> AsyncStream<TokenState> {
        await client.tokens.updates()
    }

    public func keepTokenFresh() async {
        await client.tokens.runAutoRefresh(sleep: client.configuration.sleep)
    }

    public func writeHandoff(_ text: String) async throws -> String {
        try handoffWriter(text)
    }

    public func log(_ text: String) {
        client.configuration.logger.warning("\(text)")
    }
}
