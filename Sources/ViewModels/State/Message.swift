public import ChargEyeAPI
public import Foundation

/// Something that happened. Every change to the state arrives as a message.
public enum Message: Sendable {
    case keyPressed(Key)
    case mouse(MouseEvent)
    /// The terminal's size, and how many list rows the layout shows at that size.
    case resized(width: Int, height: Int, listRows: Int)
    /// Time passed (the countdown, notices, retry progress).
    case tick(Date)
    case loaded(RequestID, Result<APIResponse, ChargEyeError>)
    /// The locations of a streamed answer that arrived so far (`.locationsStreamed` ends it).
    case loadedPart(RequestID, LocationsSoFar)
    case tokenChanged(TokenState)
    case retryScheduled(RetryEvent)
    case consoleAnswered(RequestID, Result<RawResponse, ChargEyeError>)
    /// The demo simulator's fault injection was switched.
    case faultsSwitched(on: Bool)
    /// Text was put on the clipboard.
    case copied(String)
    /// The support hand-off was written to `path`.
    case handoffWritten(path: String, text: String)
    /// An API request completed or failed (for the request log).
    case requestLogged(RequestRecord)
    /// Something worth telling the user that did not fail a call (e.g. an ignored token cache).
    case warning(String)
}

/// Something to do outside the pure update: I/O and process control.
public enum Effect: Equatable, Sendable {
    case load(RequestID, APIRequest)
    /// Stop an API call nobody waits for any more (Esc while it loads, or leaving its level).
    case cancel(RequestID)
    /// The panes changed shape (`d`): the terminal side recomputes how many rows the list has.
    case relayout
    case refreshToken
    case consoleGet(RequestID, path: String)
    case copyToClipboard(String)
    /// Write the support hand-off text to a private file.
    case writeHandoff(String)
    case setFaults(on: Bool)
    /// Write a warning to the log file (nothing on screen).
    case log(String)
    case quit
}
