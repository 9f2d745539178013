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
        let line = ChargEyeError.RequestLine(method: "GET", path: "/locations")
        do {
            let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/locations")
            let (response, body) = try await MiddlewareChain(middlewares: middlewares, transport: transport)
                .send(request, baseURL: configuration.baseURL, operationID: ResponseGuardMiddleware.streamedOperationID)
            let reader = LocationStreamReader(
                response: response, request: line, decode: { try await self.decodeLocations($0, response: response) }
            )
            let outcome = try await ResponseGuardMiddleware.withDeadline(
                seconds: configuration.timeout, request: line, host: configuration.baseURL.host ?? ""
            ) {
                try await reader.read(body, onPart: onPart)
            }
            switch outcome {
            case .streamed(let count):
                return count
            case .irregular(let whole):
                let locations = try await decodeLocations(whole, response: response)
                onPart(LocationPart(locations: LocationTable(locations), replacesEarlierParts: true))
                return locations.count
            }
        } catch {
            throw await ResponseDecoding.normalizeExplaining(error, request: line)
        }
    }

    /// Decodes a complete `/locations` body exactly as `locations()` does.
    func decodeLocations(_ body: Data, response: HTTPResponse) async throws -> [Location] {
        let guardrail = ResponseGuardMiddleware(timeout: configuration.timeout, maxResponseBytes: configuration.maxResponseBytes)
        let replay = Client(
            serverURL: configuration.baseURL, configuration: clientConfiguration,
            transport: ReplayTransport(response: response, body: body), middlewares: [guardrail]
        )
        return try await replay.listLocations().ok.body.json.locations
    }
}
