import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Synchronization
import Testing

/// Starts a simulator for one test and stops it afterwards.
func withSimulator<T>(
    _ configure: (inout Simulator.Configuration) -> Void = { _ in },
    _ body: (Simulator) async throws -> T
) async throws -> T {
    var configuration = Simulator.Configuration()
    configure(&configuration)
    let simulator = try await Simulator.start(configuration)
    do {
        let result = try await body(simulator)
        await simulator.stop()
        return result
    } catch {
        await simulator.stop()
        throw error
    }
}

/// A client for `simulator` with test-friendly defaults (no disk cache unless given; the
/// product's 30 s timeout, so a test process busy elsewhere does not time out and retry).
func makeClient(
    _ simulator: Simulator,
    refreshToken: String? = nil,
    cacheDirectory: URL? = nil,
    retry: RetryPolicy = .standard,
    timeout: TimeInterval = 30,
    maxResponseBytes: Int = 64 << 20,
    now: (@Sendable () -> Date)? = nil,
    clock: TestClock? = nil,
    retryEvents: Recorder<RetryEvent>? = nil,
    warnings: Recorder<String>? = nil,
    requests: Recorder<RequestRecord>? = nil
) throws -> ChargEyeClient {
    var configuration = ChargEyeConfiguration(
        baseURL: simulator.baseURL, refreshToken: Secret(refreshToken ?? simulator.refreshToken)
    )
    configuration.tokenCacheDirectory = cacheDirectory
    configuration.retryPolicy = retry
    configuration.timeout = timeout
    configuration.maxResponseBytes = maxResponseBytes
    if let now { configuration.now = now }
    if let clock {
        configuration.now = clock.function
        configuration.sleep = clock.sleep
    }
    if let retryEvents { configuration.retryObserver = { retryEvents.append($0) } }
    if let warnings { configuration.warn = { warnings.append($0) } }
    if let requests { configuration.requestObserver = { requests.append($0) } }
    return try ChargEyeClient(configuration: configuration)
}

/// Collects values from callbacks on any thread.
final class Recorder<Value: Sendable>: Sendable {
    private let storage = Mutex<[Value]>([])
    func append(_ value: Value) { storage.withLock { $0.append(value) } }
    var values: [Value] { storage.withLock { $0 } }
}

/// A clock the test moves by hand, or that moves by itself when code sleeps on it (`sleep`),
/// recording every wait: backoffs and `Retry-After`s take no real time and can be counted.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    private let recorded = Mutex<[TimeInterval]>([])
    init(_ start: Date = Date()) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
    func set(_ date: Date) { current.withLock { $0 = date } }
    var function: @Sendable () -> Date { { self.now } }
    /// The waits asked of `sleep`, in order.
    var waits: [TimeInterval] { recorded.withLock { $0 } }
    /// Waits by moving the clock (and yielding, so other tasks run as they would meanwhile).
    var sleep: @Sendable (TimeInterval) async throws -> Void {
        { seconds in
            self.recorded.withLock { $0.append(seconds) }
            self.advance(by: seconds)
            await Task.yield()
        }
    }
}

/// The result of `work` and how many seconds it took (for bounds that allow for a loaded machine).
func timed<T>(_ work: () async throws -> T) async rethrows -> (T, TimeInterval) {
    let started = Date()
    let result = try await work()
    return (result, Date().timeIntervalSince(started))
}

/// A fresh, empty directory under the system's temporary directory.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The permission bits of a file.
func mode(of url: URL) throws -> Int {
    var info = stat()
    guard stat(url.path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
    return Int(info.st_mode & 0o777)
}

/// The error a call throws, as a `ChargEyeError`, recording an issue if it succeeds or throws
/// something else.
func chargEyeError(_ call: () async throws -> some Any, sourceLocation: SourceLocation = #_sourceLocation) async -> ChargEyeError? {
    do {
        _ = try await call()
        Issue.record("expected the call to fail", sourceLocation: sourceLocation)
        return nil
    } catch let error as ChargEyeError {
        return error
    } catch {
        Issue.record("expected a ChargEyeError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
