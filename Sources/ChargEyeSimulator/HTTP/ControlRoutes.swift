import ChargEyeAPI
import Foundation
import Hummingbird

/// The loopback-only control endpoint that changes faults while the simulator runs (the
/// demo's chaos switch, the tests) and reports request counts.
///
/// - `GET /_control/faults`, `PUT /_control/faults` (a `FaultSettings` JSON), `DELETE /_control/faults`
/// - `POST /_control/faults/rules` (one `FaultRule` JSON)
/// - `GET /_control/stats` (`{"requests": {"/locations": 3, ...}}`), `DELETE /_control/stats`
enum ControlRoutes {
    static func register(on router: Router<SimulatorRequestContext>, faults: FaultInjector) {
        let group = router.group("_control").add(middleware: LoopbackOnlyMiddleware())
        group.get("faults") { _, _ in try json(faults.settings) }
        group.put("faults") { request, context in
            faults.settings = try await decode(FaultSettings.self, from: request, context: context)
            return try json(faults.settings)
        }
        group.delete("faults") { _, _ in
            faults.settings = FaultSettings()
            return try json(faults.settings)
        }
        group.post("faults/rules") { request, context in
            faults.addRule(try await decode(FaultRule.self, from: request, context: context))
            return try json(faults.settings)
        }
        group.get("stats") { _, _ in try json(["requests": faults.counts]) }
        group.delete("stats") { _, _ in
            faults.resetCounts()
            return try json(["requests": faults.counts])
        }
    }

    /// The body as `T`, refusing first what `JSONDecoder` would crash on (`JSONNesting`).
    private static func decode<T: Decodable>(
        _ type: T.Type, from request: Request, context: SimulatorRequestContext
    ) async throws -> T {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard !JSONNesting.isTooDeep(Data(body.readableBytesView)) else {
            throw HTTPError(.badRequest, message: "the body \(JSONNesting.tooDeepDetail)")
        }
        return try await request.decode(as: type, context: context)
    }

    private static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value)))
        )
    }
}

/// Refuses control requests from anywhere but this machine.
struct LoopbackOnlyMiddleware: RouterMiddleware {
    func handle(
        _ request: Request, context: SimulatorRequestContext,
        next: (Request, SimulatorRequestContext) async throws -> Response
    ) async throws -> Response {
        guard context.isLoopbackPeer else {
            return ErrorResponse.make(status: 403, message: "The control endpoint only answers local requests")
        }
        return try await next(request, context)
    }
}
