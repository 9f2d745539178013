public import ChargEyeAPI
public import Foundation

/// Reads of the fleet shared by scrapes: a reading younger than `maxAge` is served again, and
/// scrapes that arrive while a read is under way wait for that read instead of starting
/// their own, so two Prometheus servers (or a retrying one) do not double the API load.
public actor FleetReadings {
    private let read: @Sendable () async throws -> FleetStations
    private let maxAge: TimeInterval
    private let now: @Sendable () -> Date
    private var latest: FleetMetrics.Reading?
    private var inFlight: Task<FleetMetrics.Reading, Never>?
    private var lastSuccess: Date?
    /// How many reads of the API were made.
    public private(set) var reads = 0

    /// `read` fetches the fleet; readings are reused for `maxAge` seconds.
    public init(maxAge: TimeInterval, now: @escaping @Sendable () -> Date = Date.init, read: @escaping @Sendable () async throws -> FleetStations) {
        self.read = read
        self.maxAge = maxAge
        self.now = now
    }

    /// A fresh enough reading, reading the API when there is none.
    public func current() async -> FleetMetrics.Reading {
        if let latest, now().timeIntervalSince(latest.finishedAt) < maxAge { return latest }
        if let inFlight { return await inFlight.value }
        let task = Task { await self.readOnce() }
        inFlight = task
        let reading = await task.value
        inFlight = nil
        latest = reading
        return reading
    }

    /// The last reading, without reading (nil before the first scrape).
    public var last: FleetMetrics.Reading? { latest }

    private func readOnce() async -> FleetMetrics.Reading {
        reads += 1
        let started = now()
        do {
            let fleet = try await read()
            let finished = now()
            lastSuccess = finished
            return .init(fleet: fleet, error: nil, finishedAt: finished, duration: finished.timeIntervalSince(started), lastSuccess: finished)
        } catch {
            let finished = now()
            return .init(fleet: nil, error: error, finishedAt: finished, duration: finished.timeIntervalSince(started), lastSuccess: lastSuccess)
        }
    }
}
