import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Testing

private let line = ChargEyeError.RequestLine(method: "GET", path: "/chargingStations/S1/transactions")

private func page(_ ids: [String], next: String?) -> TransactionPage {
    TransactionPage(
        transactions: ids.map { Transaction(txId: $0) }, summary: nil, next: next.map { TransactionCursor(json: $0) }
    )
}

/// Walks `pages` as a client would: asks while the walk has more, answers in order.
private func walk(_ pages: [TransactionPage], maxPages: Int = CursorWalk.defaultMaxPages) -> (CursorWalk, [String], asked: Int) {
    var walk = CursorWalk(maxPages: maxPages)
    var items: [String] = []
    var asked = 0
    repeat {
        items += walk.accept(pages[asked], request: line).map(\.txId)
        asked += 1
    } while walk.hasMore && asked < pages.count
    return (walk, items, asked)
}

@Suite("Cursor walks a server can get wrong")
struct CursorWalkTests {
    @Test("the same cursor forever: stops at the second page, naming the cursor, keeping the items")
    func sameCursorForever() {
        let answer = page(["t1", "t2"], next: #"{"k":"A"}"#)
        let (result, items, asked) = walk(Array(repeating: answer, count: 100))
        #expect(asked == 2)
        #expect(items == ["t1", "t2"])
        #expect(result.duplicatesDropped == 2)
        #expect(result.failure == .pagination(.init(
            request: line, cursor: #"{"k":"A"}"#, page: 2, itemsSoFar: 2, reason: .repeatedCursor(firstSentForPage: 2)
        )))
        #expect(result.failure?.description == """
            GET /chargingStations/S1/transactions could not be paged to the end: the server repeated a cursor ({"k":"A"}, already sent for page 2); stopped after 2 pages and 2 items. The server's paging is faulty, so what came may be incomplete; narrow the period (--from/--to), or report it to the server's operator
            """)
    }

    @Test("two cursors that alternate (A, B, A): stops at the third page")
    func alternatingCursors() {
        let pages = [page(["t1"], next: "A"), page(["t2"], next: "B"), page(["t3"], next: "A"), page(["t4"], next: "B")]
        let (result, items, asked) = walk(pages)
        #expect(asked == 3)
        #expect(items == ["t1", "t2", "t3"])
        #expect(result.failure?.shortReason == "the server repeated a cursor")
        #expect(!result.hasMore)
    }

    @Test("an empty page that offers more ends the walk; an empty last page does not")
    func emptyPageWithCursor() {
        let (broken, items, asked) = walk([page(["t1"], next: "A"), page([], next: "B"), page(["t2"], next: nil)])
        #expect(asked == 2)
        #expect(items == ["t1"])
        #expect(broken.failure?.shortReason == "a page added nothing new")
        let (fine, _, _) = walk([page(["t1"], next: "A"), page([], next: nil)])
        #expect(fine.failure == nil)
        #expect(!fine.hasMore)
    }

    @Test("an item repeated across pages is kept once and counted")
    func duplicatesAcrossPages() {
        let (result, items, asked) = walk([page(["t1", "t2"], next: "A"), page(["t2", "t3", "t3"], next: nil)])
        #expect(asked == 2)
        #expect(items == ["t1", "t2", "t3"])
        #expect(result.duplicatesDropped == 2)
        #expect(result.failure == nil)
    }

    @Test("the page bound ends an endless but well-formed walk")
    func pageBound() {
        let pages = (0..<50).map { page(["t\($0)"], next: "c\($0)") }
        let (result, items, asked) = walk(pages, maxPages: 10)
        #expect(asked == 10)
        #expect(items.count == 10)
        #expect(result.failure?.shortReason == "page limit (10) reached")
        #expect(result.failure?.advice == "Narrow the period (--from/--to) or raise --max-pages")
    }

    @Test("a cursor with characters that need escaping goes back exactly as the server sent it")
    func cursorEscaping() async throws {
        try await withSimulator { simulator in
            let key = #"{"id":"a b&c=d/é+?#%","n":3}"#
            simulator.addFault(FaultRule(
                path: "/chargingStations/S1/transactions", status: 200,
                body: #"{"transactions":[{"txId":"t1"}],"lastEvaluatedKey":\#(key)}"#, times: 1
            ))
            simulator.addFault(FaultRule(path: "/chargingStations/S1/transactions", status: 200, body: #"{"transactions":[{"txId":"t2"}]}"#))
            let records = Recorder<RequestRecord>()
            let client = try makeClient(simulator, requests: records)
            let first = try await client.transactions(stationId: "S1")
            let cursor = try #require(first.next)
            _ = try await client.transactions(stationId: "S1", cursor: cursor)
            let sent = try #require(records.values.last.flatMap { URLComponents(string: $0.url) })
            let value = try #require(sent.queryItems?.first { $0.name == "exclusiveStartKey" }?.value)
            let decoded = try JSONSerialization.jsonObject(with: Data(value.utf8)) as? NSDictionary
            #expect(decoded == ["id": "a b&c=d/é+?#%", "n": 3])
            #expect(sent.percentEncodedQuery?.contains("+") == false)  // a literal + would read as a space
        }
    }
}
