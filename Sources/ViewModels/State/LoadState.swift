public import ChargEyeAPI
public import Foundation

/// Why a level asks the API: its first load, a reload the user asked for, a live refresh, or the
/// next page of a paged list.
public enum LevelLoad: Equatable, Sendable {
    case first
    case reload
    case live
    case page(TransactionCursor)
}

/// A level's load that failed: what was asked, why it failed, and when. The level keeps its last
/// good data meanwhile.
public struct LoadFailure: Equatable, Sendable {
    public var error: ChargEyeError
    /// The request to issue again to retry (`r`).
    public var request: APIRequest
    public var load: LevelLoad
    public var at: Date
    /// A streamed answer broke off after some of its rows arrived: the data shown is partial.
    public var partial: Bool
}

/// Where one level's data stands: the single source for what the level shows about loading.
public enum LoadState: Equatable, Sendable {
    /// Nothing asked yet.
    case idle
    /// A request is in flight. `partsRestarts` counts how often a streamed answer started over
    /// (nil until its first part arrived; the parts so far are the level's data).
    case loading(RequestID, LevelLoad, partsRestarts: Int?)
    /// The data is current as of `at`.
    case loaded(at: Date)
    /// The last request failed; any data shown is the last good data.
    case failed(LoadFailure)
    /// The user stopped the request in flight (Esc) at `at`; `partial` when the rows shown are
    /// the part of a streamed answer that had arrived.
    case cancelled(at: Date, partial: Bool)

    /// The call in flight, if any.
    public var requestID: RequestID? {
        if case .loading(let id, _, _) = self { id } else { nil }
    }

    /// What the call in flight is for, if any.
    public var inFlight: LevelLoad? {
        if case .loading(_, let load, _) = self { load } else { nil }
    }

    /// How often the streamed answer in flight started over; nil before its first part.
    public var partsRestarts: Int? {
        if case .loading(_, _, let restarts) = self { restarts } else { nil }
    }

    /// True when the user stopped the last request.
    public var isCancelled: Bool {
        if case .cancelled = self { true } else { false }
    }

    /// The failure, when the last request failed.
    public var failure: LoadFailure? {
        if case .failed(let failure) = self { failure } else { nil }
    }
}
