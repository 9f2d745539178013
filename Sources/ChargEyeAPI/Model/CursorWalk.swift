import ChargEyeText

/// One walk through a cursor-paged list (a station's transactions), guarded against a server
/// that gets its cursors wrong. A cursor already sent, a page that adds no new item while
/// offering more, or more pages than `maxPages` ends the walk with `.pagination`; the items
/// that came stay. Items already seen on an earlier page are dropped and counted.
public struct CursorWalk: Sendable, Equatable {
    /// The default page bound: far beyond any real station's history at ChargEye's page sizes.
    public static let defaultMaxPages = 10_000

    /// The most pages the walk takes.
    public let maxPages: Int
    /// The cursor for the next page; nil before the first page and once the walk has ended.
    public private(set) var next: TransactionCursor?
    /// Pages taken so far.
    public private(set) var pages = 0
    /// Items dropped because an earlier page (or the same one) already had them.
    public private(set) var duplicatesDropped = 0
    /// Why the walk stopped early, if it did.
    public private(set) var failure: ChargEyeError?
    /// Items kept so far.
    public private(set) var itemCount = 0
    /// Each cursor sent, and the page it asked for.
    private var sent: [TransactionCursor: Int] = [:]
    private var seen: Set<String> = []

    /// Starts a walk.
    public init(maxPages: Int = defaultMaxPages) {
        self.maxPages = max(1, maxPages)
    }

    /// True while there is a next page to ask for (never after a failure, which clears `next`).
    public var hasMore: Bool { next != nil }

    /// Takes the answer to the page asked for with `next`, and returns its items that are new.
    public mutating func accept(_ page: TransactionPage, request: ChargEyeError.RequestLine) -> [Transaction] {
        acceptPositions(page, request: request).map { page.transactions[$0] }
    }

    /// `accept`, returning where on the page the new items are (to keep other data about them,
    /// such as their JSON as sent, in step).
    public mutating func acceptPositions(_ page: TransactionPage, request: ChargEyeError.RequestLine) -> [Int] {
        pages += 1
        var fresh: [Int] = []
        for (position, transaction) in page.transactions.enumerated() {
            if seen.insert(transaction.txId).inserted {
                fresh.append(position)
            } else {
                duplicatesDropped += 1
            }
        }
        itemCount += fresh.count
        next = nil
        guard let offered = page.next else { return fresh }
        let reason: ChargEyeError.PaginationFailure.Reason?
        if let earlier = sent[offered] {
            reason = .repeatedCursor(firstSentForPage: earlier)
        } else if fresh.isEmpty {
            reason = .noNewItems
        } else if pages >= maxPages {
            reason = .tooManyPages(maxPages)
        } else {
            reason = nil
        }
        if let reason {
            failure = .pagination(.init(
                request: request, cursor: TextSanitizer.singleLine(offered.json, limit: 80), page: pages,
                itemsSoFar: itemCount, reason: reason
            ))
            return fresh
        }
        sent[offered] = pages + 1
        next = offered
        return fresh
    }
}
