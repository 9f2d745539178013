public import ChargEyeAPI
public import Foundation

/// What a request's reply is for.
public enum RequestPurpose: Equatable, Sendable {
    /// Loads (part of) a level's data.
    case level(LevelID, LevelLoad)
    /// A raw GET typed in the console.
    case console(path: String)
    /// Renewing the token now (`t`).
    case token
    /// A stations level's asset records (`HardwareRecords`).
    case hardware(LevelID)
    /// The fleet's stations (`FleetStatus`).
    case fleet
    /// The transactions behind the usage chart.
    case usage
}

/// Every request in flight, keyed by id, with what it is for and its latest automatic retry.
/// A reply, part, retry notice or warning whose id is not in the table belongs to a request
/// nobody wants any more, and `AppState.update` drops it before anything else.
public struct RequestTable: Equatable, Sendable {
    /// One request in flight.
    public struct Entry: Equatable, Sendable {
        public var purpose: RequestPurpose
        /// The automatic retry it is waiting for, if any (shown in the status bar).
        public var retry: RetryEvent?
    }

    public private(set) var entries: [RequestID: Entry] = [:]
    /// The latest automatic retry of background work (the token's auto-renewal), which is never
    /// cancelled.
    public private(set) var backgroundRetry: RetryEvent?
    private var lastID = 0

    /// Records a new request and gives its id.
    mutating func start(_ purpose: RequestPurpose) -> RequestID {
        lastID += 1
        let id = RequestID(lastID)
        entries[id] = Entry(purpose: purpose)
        return id
    }

    /// What `id` is for, while it is wanted.
    public subscript(id: RequestID) -> Entry? { entries[id] }

    /// Takes a request out when its reply arrives; nil means nobody wants the reply.
    mutating func finish(_ id: RequestID) -> Entry? {
        entries.removeValue(forKey: id)
    }

    /// Gives a request in flight another purpose (a fleet read handed between the background
    /// and the Stations view), so its reply goes where it is wanted now.
    mutating func repurpose(_ id: RequestID, to purpose: RequestPurpose) {
        entries[id]?.purpose = purpose
    }

    /// Takes out every request whose purpose matches, and gives their ids (to cancel).
    mutating func cancel(where matches: (RequestPurpose) -> Bool) -> [RequestID] {
        let ids = entries.filter { matches($0.value.purpose) }.map(\.key).sorted { $0.value < $1.value }
        for id in ids { entries[id] = nil }
        return ids
    }

    /// Notes an automatic retry of a request (of background work when `id` is nil).
    mutating func noteRetry(_ event: RetryEvent, for id: RequestID?) {
        guard let id else {
            backgroundRetry = event
            return
        }
        entries[id]?.retry = event
    }

    /// The latest automatic retry that is still counting down (or just ran) at `now`.
    public func retry(at now: Date) -> RetryEvent? {
        (entries.values.compactMap(\.retry) + [backgroundRetry].compactMap { $0 })
            .filter { $0.scheduledAt.addingTimeInterval($0.delay + 1) >= now }
            .max { $0.scheduledAt < $1.scheduledAt }
    }

    /// True while a console GET is in flight.
    public var consoleIsWaiting: Bool {
        entries.values.contains { if case .console = $0.purpose { true } else { false } }
    }
}
