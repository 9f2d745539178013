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
    /// The request that failed (the error pane names it; `r` asks for the same again).
    public var request: APIRequest
    /// What the request was for: `r` repeats it (a failed live refresh as a reload).
    public var reason: LevelLoad
    public var at: Date
    /// A streamed answer broke off after some of its rows arrived: the data shown is partial.
    public var partial: Bool
}

/// A level's request in flight and what of its answer has arrived.
public struct InFlight: Equatable, Sendable {
    public var id: RequestID
    public var reason: LevelLoad
    /// How often a streamed answer started over; nil before its first part.
    public var partsRestarts: Int?
    /// A reload's streamed rows so far, held back while the last good list stays on screen
    /// (nil when the parts show at once, as for a first load).
    public var heldBack: LocationsSoFar?
    /// The rows on screen are the part of an earlier answer that broke off or was stopped:
    /// they stay INCOMPLETE, whatever becomes of this request, until an answer comes whole.
    public var showsPartialData = false
}

/// Where one level's data stands: the single source for what the level shows about loading.
/// (The level's `loadedAt` is when the data on screen arrived, kept through later loads; a
/// transactions walk that the server's cursors broke is `walk.failure`, a fault of the data,
/// not of a request.)
public enum LoadState: Equatable, Sendable {
    /// Nothing asked yet.
    case idle
    /// A request is in flight, with what of its answer has arrived.
    case loading(InFlight)
    /// The data is current as of `at`.
    case loaded(at: Date)
    /// The last request failed; any data shown is the last good data.
    case failed(LoadFailure)
    /// The user stopped the request in flight (Esc) at `at`; `partial` when the rows shown are
    /// the part of a streamed answer that had arrived.
    case cancelled(at: Date, partial: Bool)

    /// The call in flight, if any.
    public var requestID: RequestID? {
        if case .loading(let request) = self { request.id } else { nil }
    }

    /// What the call in flight is for, if any.
    public var inFlight: LevelLoad? {
        if case .loading(let request) = self { request.reason } else { nil }
    }

    /// The request in flight, if any, with what of its answer has arrived.
    public var request: InFlight? {
        if case .loading(let request) = self { request } else { nil }
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
