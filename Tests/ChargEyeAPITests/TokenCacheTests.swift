import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Testing

@Suite("On-disk token cache")
struct TokenCacheTests {
    @Test("the token is cached 0600 in a 0700 directory and reused by a second client")
    func cacheIsPrivateAndReused() async throws {
        let root = try temporaryDirectory()
        let directory = root.appendingPathComponent("chargeye")
        let previous = umask(0)
        defer { umask(previous) }
        try await withSimulator({ $0.refreshToken = "rt-distinctive-secret-123" }) { simulator in
            _ = try await makeClient(simulator, cacheDirectory: directory).locations()
            let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            let file = try #require(files.first)
            #expect(files.count == 1)
            #expect(try mode(of: directory) == 0o700)
            #expect(try mode(of: file) == 0o600)
            let contents = try String(contentsOf: file, encoding: .utf8)
            #expect(!contents.contains("rt-distinctive-secret-123"))
            #expect(contents.contains("eyJ"))

            _ = try await makeClient(simulator, cacheDirectory: directory).locations()
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 1)
        }
    }

    @Test("a cache file others can read is ignored with a warning")
    func looseCacheIsIgnored() async throws {
        let directory = try temporaryDirectory().appendingPathComponent("chargeye")
        try await withSimulator { simulator in
            _ = try await makeClient(simulator, cacheDirectory: directory).tokens.validToken()
            let file = try #require(try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil).first)
            chmod(file.path, 0o644)
            let warnings = Recorder<String>()
            _ = try await makeClient(simulator, cacheDirectory: directory, warnings: warnings).tokens.validToken()
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 2)
            #expect(warnings.values.contains { $0.contains("group/others") && $0.contains(file.path) })
            #expect(try mode(of: file) == 0o600)
        }
    }

    @Test("a cached token is not used for another refresh token or base URL")
    func cacheIsKeyedByCredential() async throws {
        let directory = try temporaryDirectory().appendingPathComponent("chargeye")
        try await withSimulator({ $0.refreshToken = "first-token" }) { simulator in
            _ = try await makeClient(simulator, cacheDirectory: directory).tokens.validToken()
            let error = await chargEyeError {
                try await makeClient(simulator, refreshToken: "second-token", cacheDirectory: directory).tokens.validToken()
            }
            guard case .refreshTokenRejected? = error else {
                Issue.record("expected the second credential to need its own refresh, got \(String(describing: error))")
                return
            }
        }
    }

    @Test("a rejected cached token is replaced on disk")
    func rejectedTokenIsReplaced() async throws {
        let directory = try temporaryDirectory().appendingPathComponent("chargeye")
        try await withSimulator { simulator in
            let first = try await makeClient(simulator, cacheDirectory: directory).tokens.validToken()
            simulator.addFault(FaultRule(path: "/locations", status: 401, times: 1))
            _ = try await makeClient(simulator, cacheDirectory: directory).locations()
            let third = try await makeClient(simulator, cacheDirectory: directory).tokens.validToken()
            #expect(third.jwt != first.jwt)
            #expect(simulator.requestCounts["/auth/refreshAccessToken"] == 2)
        }
    }
}
