import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Locations handed over while the answer still arrives.
public struct LocationPart: Sendable {
    /// The locations of this part, in the server's order, kept compactly.
    public var locations: LocationTable
    /// This part replaces everything handed over before it (an answer that was not the plain
    /// `{"locations": [...]}` shape is decoded whole at the end, and that result stands).
    public var replacesEarlierParts: Bool

    /// A part.
    public init(locations: LocationTable, replacesEarlierParts: Bool) {
        self.locations = locations
        self.replacesEarlierParts = replacesEarlierParts
    }
}

extension ChargEyeClient {
    /// The locations, in parts as their bytes arrive, so a large list shows its first rows
    /// long before the rest is here. `onPart` gets every part in order; together they are what
    /// `locations()` returns, and the errors are the same, with one difference: a failure
    /// after the head of the answer (the connection dropped mid-body) is not retried, since
    /// the parts already handed over are good. Returns how many locations there were.
    public func streamLocations(onPart: @escaping @Sendable (LocationPart) -> Void) async throws -> Int {
        try await streamList(
            path: "/locations", key: "locations", decodeRegular: LocationTable.decoding(items:),
            decode: { LocationTable(try await self.decodeLocations($0, response: $1)) },
            onBatch: { onPart(LocationPart(locations: $0, replacesEarlierParts: $1)) }
        )
    }

    /// Every station (the unfiltered `GET /stations`), in batches as their bytes arrive: the
    /// same promise as `streamLocations`, against `allStations()`. `onBatch` gets the stations,
    /// read into a compact table, and whether they replace the batches before (an irregular
    /// answer, decoded whole).
    public func streamAllStations(onBatch: @escaping @Sendable (StationTable, _ replacesEarlier: Bool) -> Void) async throws -> Int {
        try await streamList(
            path: "/stations", key: "stations", decodeRegular: StationTable.decoding(items:),
            decode: { StationTable(try await self.decodeAllStations($0, response: $1)) }, onBatch: onBatch
        )
    }

    /// A `{"<key>": [...]}` answer read in batches (`ListStreamReader`).
    private func streamList<Batch: Collection & Sendable>(
        path: String, key: String, decodeRegular: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Batch?,
        decode: @escaping @Sendable (Data, HTTPResponse) async throws -> Batch,
        onBatch: @escaping @Sendable (Batch, _ replacesEarlier: Bool) -> Void
    ) async throws -> Int {
        let line = ChargEyeError.RequestLine(method: "GET", path: path)
        do {
            let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: path)
            let (response, body) = try await MiddlewareChain(middlewares: middlewares, transport: transport)
                .send(request, baseURL: configuration.baseURL, operationID: ResponseGuardMiddleware.streamedOperationID)
            let reader = ListStreamReader<Batch>(
                key: key, response: response, request: line, decodeRegular: decodeRegular, decode: { try await decode($0, response) }
            )
            let outcome = try await ResponseGuardMiddleware.withDeadline(
                seconds: configuration.timeout, request: line, host: configuration.baseURL.host ?? ""
            ) {
                try await reader.read(body) { onBatch($0, false) }
            }
            switch outcome {
            case .streamed(let count):
                return count
            case .irregular(let whole):
                let items = try await decode(whole, response)
                onBatch(items, true)
                return items.count
            }
        } catch {
            throw await ResponseDecoding.normalizeExplaining(error, request: line)
        }
    }

    /// Decodes a complete `/locations` body exactly as `locations()` does.
    func decodeLocations(_ body: Data, response: HTTPResponse) async throws -> [Location] {
        try await replayClient(response: response, body: body).listLocations().ok.body.json.locations
    }

    /// Decodes a complete `/stations` body exactly as `allStations()` does.
    func decodeAllStations(_ body: Data, response: HTTPResponse) async throws -> [Station] {
        try await replayClient(response: response, body: body).listStations(query: .init()).ok.body.json.stations
    }

    /// The generated client over an answer already read, with the response guard's checks.
    private func replayClient(response: HTTPResponse, body: Data) -> Client {
        let guardrail = ResponseGuardMiddleware(timeout: configuration.timeout, maxResponseBytes: configuration.maxResponseBytes)
        return Client(
            serverURL: configuration.baseURL, configuration: clientConfiguration,
            transport: ReplayTransport(response: response, body: body), middlewares: [guardrail]
        )
    }
}
