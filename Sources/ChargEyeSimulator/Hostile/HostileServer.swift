public import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A loopback HTTP/1.1 server that misbehaves on purpose, one `HostileScenario` at a time.
///
/// It speaks raw sockets rather than going through Hummingbird because the faults live below
/// HTTP (resets, silence, trickling, lying `Content-Length`, invalid UTF-8). The token exchange
/// answers normally so each scenario reaches the data path; every other call gets the scenario.
/// One thread per connection; every connection is closed after one answer.
public final class HostileServer: Sendable {
    /// What the server has seen.
    public struct Stats: Sendable, Equatable {
        /// Token exchanges served.
        public var tokenRequests = 0
        /// Other API calls served.
        public var apiRequests = 0
        /// Requests that arrived under the redirect's other host name carrying `Authorization`.
        public var leakedCredentials = 0
    }

    /// The scenario served.
    public let scenario: HostileScenario
    /// The API's base URL, e.g. `http://127.0.0.1:41234/api`.
    public let baseURL: URL
    /// The JWT the token exchange hands out (so tests can search for it).
    public let issuedToken: String

    private let listener: Int32
    private let port: Int
    private let state = Mutex(State())

    private struct State {
        var stats = Stats()
        var openConnections: Set<Int32> = []
        var stopped = false
    }

    /// Listens on `127.0.0.1:port` (0 picks a free port) and starts serving.
    public static func start(_ scenario: HostileScenario, port: Int = 0) throws -> HostileServer {
        // Large payloads are built before listening, so the first answer is not slow.
        _ = HostileReplies.reply(for: scenario, path: "/api/locations", redirectTo: "")
        let listener = try ListeningSocket.open(port: port)
        let server = HostileServer(scenario: scenario, listener: listener.descriptor, port: listener.port)
        let thread = Thread { server.acceptLoop() }
        thread.name = "hostile-accept"
        thread.start()
        return server
    }

    private init(scenario: HostileScenario, listener: Int32, port: Int) {
        self.scenario = scenario
        self.listener = listener
        self.port = port
        self.baseURL = URL(string: "http://127.0.0.1:\(port)/api")!
        self.issuedToken = "eyJhbGciOiJIUzI1NiJ9.hostile-\(UUID().uuidString).c2lnbmF0dXJl"
    }

    /// The counts so far.
    public var stats: Stats { state.withLock { $0.stats } }

    /// Stops accepting and drops every open connection.
    public func stop() {
        let connections = state.withLock { state -> Set<Int32> in
            state.stopped = true
            return state.openConnections
        }
        shutdown(listener, Int32(SHUT_RDWR))
        for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
    }

    deinit { close(listener) }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR { continue }
                return
            }
            let admitted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.openConnections.insert(connection)
                return true
            }
            guard admitted else {
                close(connection)
                return
            }
            let thread = Thread { [self] in
                serve(Connection(descriptor: connection))
                state.withLock { _ = $0.openConnections.remove(connection) }
                close(connection)
            }
            thread.name = "hostile-connection"
            thread.start()
        }
    }

    private func serve(_ connection: Connection) {
        guard let request = connection.readRequest() else { return }
        let reply = reply(to: request)
        switch reply.delivery {
        case .whole:
            connection.send(reply.head + reply.body)
        case .trickle:
            guard connection.send(reply.head) else { return }
            for byte in reply.body {
                guard !state.withLock({ $0.stopped }), connection.send([byte]) else { return }
                sleep(1)
            }
        case .resetAfter(let count):
            connection.send(reply.head + reply.body.prefix(count))
            connection.reset()
        case .never:
            connection.waitUntilClosed()
        }
    }

    private func reply(to request: Connection.Request) -> HostileReply {
        if request.path.hasSuffix("/auth/refreshAccessToken") {
            state.withLock { $0.stats.tokenRequests += 1 }
            let validUntil = ISO8601DateFormatter().string(from: Date().addingTimeInterval(8 * 3600))
            return .json(200, #"{"token":"\#(issuedToken)","validUntil":"\#(validUntil)"}"#)
        }
        state.withLock {
            $0.stats.apiRequests += 1
            if request.host.hasPrefix(Self.otherHostName), request.hasAuthorization { $0.stats.leakedCredentials += 1 }
        }
        return HostileReplies.reply(for: scenario, path: request.path, redirectTo: "http://\(Self.otherHostName):\(port)")
    }

    /// The host name the redirect scenario sends clients to: the same server, another name.
    static let otherHostName = "localhost"
}
