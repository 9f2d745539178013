import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Testing

/// HTTPS end to end: the simulator serves real TLS with certificates from a throw-away
/// authority, good and broken, and the client either trusts them through `--ca-file` (or
/// `SSL_CERT_FILE`) or refuses them with the cause named, once, never retried.
@Suite("TLS: trust, and every certificate failure named")
struct TLSTests {
    typealias Problem = ChargEyeError.TransportFailure.TLSProblem

    private static let loopback = ["localhost", "127.0.0.1", "::1"]

    /// A client for an HTTPS simulator serving `certificate`, trusting `trust`.
    private func withHTTPS<T>(
        serving certificate: PEMCertificate, _ body: (Simulator) async throws -> T
    ) async throws -> T {
        try await withSimulator({ $0.tls = certificate }, body)
    }

    private func client(_ simulator: Simulator, trust: TLSTrust) throws -> ChargEyeClient {
        var configuration = ChargEyeConfiguration(baseURL: simulator.baseURL, refreshToken: Secret(simulator.refreshToken))
        configuration.tokenCacheDirectory = nil
        configuration.trust = trust
        configuration.retryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.01, deadline: 10)
        return try ChargEyeClient(configuration: configuration)
    }

    private func writeTemporary(_ text: String) throws -> String {
        let url = try temporaryDirectory().appendingPathComponent("ca.pem")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The failure a call to a server presenting `certificate` meets, trusting `authority`.
    private func failure(serving certificate: PEMCertificate, trusting authority: ThrowAwayAuthority?) async throws -> ChargEyeError.TransportFailure? {
        try await withHTTPS(serving: certificate) { simulator in
            let trust = TLSTrust(caFile: try authority.map { try writeTemporary($0.certificatePEM) })
            let error = await chargEyeError { try await client(simulator, trust: trust).locations() }
            #expect(simulator.requestCounts.values.reduce(0, +) == 0, "no request reached the server")
            guard case .transport(let failure)? = error else {
                Issue.record("expected a transport failure, got \(String(describing: error))")
                return nil
            }
            #expect(error?.isRetryable == false)
            #expect(failure.attempts == 1, "a certificate failure is not retried")
            return failure
        }
    }

    @Test("a certificate from a trusted CA file works, over HTTPS end to end")
    func trustedAuthority() async throws {
        let authority = try ThrowAwayAuthority()
        try await withHTTPS(serving: try authority.issue(for: Self.loopback)) { simulator in
            #expect(simulator.baseURL.scheme == "https")
            let caFile = try writeTemporary(authority.certificatePEM)
            let locations = try await client(simulator, trust: TLSTrust(caFile: caFile)).locations()
            #expect(locations.count == 40)
            // SSL_CERT_FILE replaces the system's bundle, as for OpenSSL's tools.
            let viaEnvironment = TLSTrust.resolve(caFile: nil, environment: ["SSL_CERT_FILE": caFile])
            #expect(try await client(simulator, trust: viaEnvironment).locations().count == 40)
        }
    }

    @Test("self-signed: named, with --ca-file as the fix")
    func selfSigned() async throws {
        let failure = try await failure(serving: try ThrowAwayAuthority.selfSigned(for: Self.loopback), trusting: nil)
        #expect(failure?.kind == .tls(.selfSigned))
        let error = failure.map(ChargEyeError.transport)
        #expect(error?.summary.contains("is self-signed and not trusted") == true)
        #expect(error?.advice?.contains("--ca-file") == true)
    }

    @Test("an authority not trusted here: named, with --ca-file as the fix")
    func unknownAuthority() async throws {
        let stranger = try ThrowAwayAuthority(name: "Corporate Inspection CA")
        let failure = try await failure(serving: try stranger.issue(for: Self.loopback), trusting: try ThrowAwayAuthority())
        #expect(failure?.kind == .tls(.unknownAuthority))
        #expect(failure?.detail.contains("Corporate Inspection CA") == true)
    }

    @Test("expired, and not yet valid: named even when the authority is trusted")
    func outOfDate() async throws {
        let authority = try ThrowAwayAuthority()
        let now = Date()
        let expired = try await failure(
            serving: try authority.issue(for: Self.loopback, validFrom: now - 90 * 86_400, until: now - 86_400), trusting: authority
        )
        #expect(expired?.kind == .tls(.expired))
        let early = try await failure(
            serving: try authority.issue(for: Self.loopback, validFrom: now + 86_400, until: now + 90 * 86_400), trusting: authority
        )
        #expect(early?.kind == .tls(.notYetValid))
    }

    @Test("a certificate for another name: named")
    func nameMismatch() async throws {
        let authority = try ThrowAwayAuthority()
        let failure = try await failure(serving: try authority.issue(for: ["api.elsewhere.example"]), trusting: authority)
        #expect(failure?.kind == .tls(.nameMismatch))
    }

    @Test("https:// to a plain-HTTP server: a handshake failure, not retried")
    func plainServer() async throws {
        try await withSimulator { simulator in
            var components = URLComponents(url: simulator.baseURL, resolvingAgainstBaseURL: false)!
            components.scheme = "https"
            var configuration = ChargEyeConfiguration(baseURL: components.url!, refreshToken: Secret("demo"))
            configuration.tokenCacheDirectory = nil
            let error = await chargEyeError { try await ChargEyeClient(configuration: configuration).locations() }
            guard case .transport(let failure)? = error else {
                Issue.record("expected a transport failure, got \(String(describing: error))")
                return
            }
            #expect(failure.kind == .tls(.handshake))
            #expect(failure.attempts == 1)
        }
    }

    @Test("a CA file that is missing or holds no certificate fails at start, naming it")
    func badCAFile() throws {
        let notPEM = try writeTemporary("not a certificate\n")
        for path in ["/nonexistent/ca.pem", notPEM] {
            #expect(throws: ChargEyeError.self) { try TLSTrust(caFile: path).validate() }
            do {
                try TLSTrust(caFile: path).validate()
            } catch {
                #expect("\(error)".contains(path))
            }
        }
    }
}
