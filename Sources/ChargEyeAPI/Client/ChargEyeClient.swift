public import Foundation
import HTTPTypes
public import OpenAPIRuntime

/// The small facade the rest of chargeye calls: typed reads of the ChargEye API with token
/// handling, retries, logging and clear errors built in.
public final class ChargEyeClient: Sendable {
    /// The token manager (for the countdown, `t` to renew, and auto-refresh).
    public let tokens: TokenManager
    /// The configuration in use.
    public let configuration: ChargEyeConfiguration
    private let client: Client
    let middlewares: [any ClientMiddleware]
    let transport: any ClientTransport
    /// The generated client's configuration (dates), for decoding a body already received.
    let clientConfiguration: Configuration

    /// Creates a client for one endpoint and credential.
    public init(configuration: ChargEyeConfiguration, transport: (any ClientTransport)? = nil) throws {
        guard let scheme = configuration.baseURL.scheme?.lowercased(), ["http", "https"].contains(scheme),
            configuration.baseURL.host != nil
        else {
            throw ChargEyeError.invalidConfiguration(
                "base URL \"\(configuration.baseURL.absoluteString)\" must be an http(s) URL such as https://kempower.io/api"
            )
        }
        self.configuration = configuration
        let transport = transport
            ?? BoundedHTTPTransport(
                timeout: configuration.timeout, maxResponseBytes: configuration.maxResponseBytes,
                trust: configuration.trust, proxy: configuration.proxy
            )
        self.transport = transport
        let clientConfiguration = Configuration(dateTranscoder: TolerantDateTranscoder())
        self.clientConfiguration = clientConfiguration
        let retry = RetryMiddleware(
            policy: configuration.retryPolicy, observer: configuration.retryObserver, now: configuration.now,
            sleep: configuration.sleep
        )
        let logging = LoggingMiddleware(logger: configuration.logger, observer: configuration.requestObserver)
        let guardrail = ResponseGuardMiddleware(
            timeout: configuration.timeout, maxResponseBytes: configuration.maxResponseBytes
        )

        let issuer = TokenExchange(
            chain: configuration.refreshToken.map { refreshToken in
                MiddlewareChain(
                    middlewares: [retry, RefreshTokenAuthMiddleware(refreshToken: refreshToken), logging, guardrail],
                    transport: transport
                )
            },
            baseURL: configuration.baseURL, maxResponseBytes: configuration.maxResponseBytes
        )
        var cache: TokenCache?
        if let directory = configuration.tokenCacheDirectory, let refreshToken = configuration.refreshToken {
            cache = TokenCache(
                directory: directory, baseURL: configuration.baseURL, refreshToken: refreshToken,
                warn: configuration.warn
            )
        }
        tokens = TokenManager(
            issuer: issuer, cache: cache, policy: configuration.tokenRefresh, now: configuration.now,
            logger: configuration.logger
        )
        middlewares = [retry, AuthMiddleware(tokens: tokens), logging, BodyTapMiddleware(), guardrail]
        client = Client(
            serverURL: configuration.baseURL, configuration: clientConfiguration, transport: transport,
            middlewares: middlewares
        )
    }

    /// The locations visible to the caller.
    public func locations() async throws -> [Location] {
        try await call("/locations") { try await $0.listLocations().ok.body.json.locations }
    }

    /// One location, whether the server wraps it as `{location}` or not.
    public func location(uid: String) async throws -> Location {
        try await call("/locations/\(uid)") {
            try await $0.getLocation(path: .init(locationUid: uid)).ok.body.json.location
        }
    }

    /// The live view of a location's stations (status, connectors, sessions).
    public func stations(locationUid: String) async throws -> [Station] {
        try await call("/stations?locationUid=\(locationUid)") {
            try await $0.listStations(query: .init(locationUid: locationUid)).ok.body.json.stations
        }
    }

    /// The live view of every station the caller can see (`/stations` with no filter).
    public func allStations() async throws -> [Station] {
        try await call("/stations") { try await $0.listStations(query: .init()).ok.body.json.stations }
    }

    /// The live view of the given stations, wherever they are.
    public func stations(ids: [String]) async throws -> [Station] {
        try await call("/stations?stationIds=\(ids.joined(separator: ","))") {
            try await $0.listStations(query: .init(stationIds: ids)).ok.body.json.stations
        }
    }

    /// The asset view of a location's stations (model, firmware, serial number).
    public func stationAssets(locationUid: String) async throws -> [StationAsset] {
        try await call("/locations/\(locationUid)/stations") {
            try await $0.getLocationStations(path: .init(locationUid: locationUid)).ok.body.json.stations
        }
    }

    /// One page of a station's transactions, optionally within a time window.
    public func transactions(
        stationId: String, from: Date? = nil, to: Date? = nil, cursor: TransactionCursor? = nil
    ) async throws -> TransactionPage {
        try await call("/chargingStations/\(stationId)/transactions") {
            let page = try await $0.getTransactions(
                path: .init(stationId: stationId),
                query: .init(startDate: from, endDate: to, exclusiveStartKey: cursor?.json)
            ).ok.body.json
            return TransactionPage(
                transactions: page.transactions, summary: page.summary, next: TransactionCursor(page.lastEvaluatedKey)
            )
        }
    }

    /// The vehicle registry of a location.
    public func vehicles(locationUid: String) async throws -> [Vehicle] {
        try await call("/vehicles?locationUid=\(locationUid)") {
            try await $0.listVehicles(query: .init(locationUid: locationUid)).ok.body.json.vehicles
        }
    }

    /// Runs `call` and returns its result with the JSON of the last successful answer it read,
    /// exactly as the server sent it (for lossless `--format json`); nil when `keeping` is
    /// false (nothing is kept then) or the body is not one JSON value.
    public func keepingSource<T: Sendable>(
        _ keeping: Bool = true, _ call: @Sendable (ChargEyeClient) async throws -> T
    ) async throws -> (T, RawJSON?) {
        guard keeping else { return (try await call(self), nil) }
        let tap = BodyTap()
        let result = try await BodyTapMiddleware.$tap.withValue(tap) { try await call(self) }
        return (result, tap.kept.flatMap { RawJSON($0) })
    }

    /// A raw GET of any path under the base URL, with the current JWT (the console).
    public func get(path: String) async throws -> RawResponse {
        let normalized = RawResponse.normalize(path: path, baseURL: configuration.baseURL)
        let line = ChargEyeError.RequestLine(method: "GET", path: normalized)
        let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: normalized)
        let started = ContinuousClock.now
        do {
            let (response, body) = try await MiddlewareChain(middlewares: middlewares, transport: transport)
                .send(request, baseURL: configuration.baseURL, operationID: ResponseGuardMiddleware.rawOperationID)
            let data = try await ResponseGuardMiddleware.collect(
                body, limit: configuration.maxResponseBytes, request: line
            )
            return RawResponse(
                path: normalized, status: response.status.code, contentType: response.headerFields[.contentType],
                body: data, duration: ContinuousClock.now - started
            )
        } catch {
            throw ResponseDecoding.normalize(error, request: line)
        }
    }

    private func call<T: Sendable>(
        _ path: String, _ operation: @Sendable (Client) async throws -> T
    ) async throws -> T {
        let line = ChargEyeError.RequestLine(method: "GET", path: path)
        do {
            return try await operation(client)
        } catch {
            throw await ResponseDecoding.normalizeExplaining(error, request: line)
        }
    }
}
