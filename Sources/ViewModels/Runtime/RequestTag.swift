public import ChargEyeAPI

/// The request a piece of work belongs to, set by the effect runner for the whole of the work's
/// task (retries, token exchanges and logging included), so what the API core reports on the
/// side (retry progress, request-log records, warnings) comes back tagged and a late event of
/// a cancelled request is recognised as stale.
public enum RequestTag {
    @TaskLocal public static var current: RequestID?
}

/// Turns the API core's side reports into tagged messages in the inbox. Hand its methods to
/// the client's configuration as observers.
public struct ServiceEvents: Sendable {
    private let inbox: Inbox

    public init(inbox: Inbox) {
        self.inbox = inbox
    }

    /// An automatic retry was scheduled.
    public func retry(_ event: RetryEvent) {
        inbox.post(.retryScheduled(RequestTag.current, event))
    }

    /// A request completed or failed.
    public func request(_ record: RequestRecord) {
        inbox.post(.requestLogged(RequestTag.current, record))
    }

    /// Something the user should know that did not fail a call.
    public func warning(_ text: String) {
        inbox.post(.warning(RequestTag.current, text))
    }
}
