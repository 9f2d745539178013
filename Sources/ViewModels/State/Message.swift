public import ChargEyeAPI
public import ChargEyeUsage
public import Foundation

/// Something that happened. Every change to the state arrives as a message.
public enum Message: Sendable {
    case keyPressed(Key)
    case mouse(MouseEvent)
    /// The terminal's size.
    case resized(width: Int, height: Int)
    /// Time passed (the countdown, notices, retry progress).
    case tick(Date)
    case loaded(RequestID, Result<APIResponse, ChargEyeError>)
    /// The locations of a streamed answer that arrived so far (`.locationsStreamed` ends it).
    case loadedPart(RequestID, LocationsSoFar)
    /// How far a location-by-location fleet read has got.
    case fleetProgress(RequestID, FleetProgress)
    case tokenChanged(TokenState)
    /// A call will be tried again after a delay; tagged with the request it belongs to (nil for
    /// background work such as the token's auto-renewal).
    case retryScheduled(RequestID?, RetryEvent)
    case consoleAnswered(RequestID, Result<RawResponse, ChargEyeError>)
    /// The demo simulator's fault injection was switched.
    case faultsSwitched(on: Bool)
    /// Text was put on the clipboard.
    case copied(String)
    /// The support hand-off was written to `path`.
    case handoffWritten(path: String, text: String)
    /// An API request completed or failed (for the request log), tagged like a retry.
    case requestLogged(RequestID?, RequestRecord)
    /// Something worth telling the user that did not fail a call (e.g. an ignored token cache),
    /// tagged like a retry.
    case warning(RequestID?, String)
    /// A token renewal asked for with `t` ended (the token stream tells how).
    case tokenRenewed(RequestID)
    /// The usage chart's stations (known once a location's list is read) with their connector
    /// counts where the API listed them, then each station's transactions so far, page by
    /// page, then the end of the walk.
    case usageStations(RequestID, [String], [String: Int])
    case usagePage(RequestID, TransactionHistory.StationHistory)
    case usageEnded(RequestID, ChargEyeError?)
}

extension Message {
    /// What a whole list of locations arrives as: one part with all of them, then the end of
    /// the answer (for benchmarks and tests that hand the state a list at once).
    public static func locationsArrived(_ id: RequestID, _ locations: [Location]) -> [Message] {
        [.loadedPart(id, LocationsSoFar(locations: LocationTable(locations))), .loaded(id, .success(.locationsStreamed(count: locations.count)))]
    }

    /// The request this message is about, when it matters only while someone waits for that
    /// request. Request-log records are history and never dropped.
    var awaitedRequest: RequestID? {
        switch self {
        case .loaded(let id, _), .loadedPart(let id, _), .fleetProgress(let id, _), .consoleAnswered(let id, _), .tokenRenewed(let id): id
        case .usageStations(let id, _, _), .usagePage(let id, _), .usageEnded(let id, _): id
        case .retryScheduled(let id, _), .warning(let id, _): id
        default: nil
        }
    }
}

/// Something to do outside the pure update: I/O and process control.
public enum Effect: Equatable, Sendable {
    case load(RequestID, APIRequest)
    /// Stop a call nobody waits for any more: Esc while it loads, leaving its level, a reload
    /// that supersedes it, a new console GET, or closing the console.
    case cancel(RequestID)
    /// Renew the token now.
    case refreshToken(RequestID)
    /// Follow the token's state (`Message.tokenChanged`) for the rest of the session.
    case watchToken
    /// Keep the token renewed before it expires, for the rest of the session.
    case keepTokenFresh
    case consoleGet(RequestID, path: String)
    /// Read the transactions of the usage chart's stations for a period.
    case loadUsage(RequestID, UsageScope, DateInterval)
    case copyToClipboard(String)
    /// Write the support hand-off text to a private file.
    case writeHandoff(String)
    case setFaults(on: Bool)
    /// Write a warning to the log file (nothing on screen).
    case log(String)
    /// Hand the terminal back to the shell and stop (Ctrl-Z) until continued.
    case suspend
    case quit
}
