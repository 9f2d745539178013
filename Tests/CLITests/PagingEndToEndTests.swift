import ChargEyeSimulator
import Foundation
import Testing

/// A transactions page as a server sends it: the given ids and, when given, a cursor.
private func page(_ ids: [String], cursor: String?) -> String {
    let items = ids.map { #"{"txId":"\#($0)","startTime":"2026-11-30T08:00:00.000Z"}"# }.joined(separator: ",")
    return #"{"transactions":[\#(items)]"# + (cursor.map { #","lastEvaluatedKey":\#($0)"# } ?? "") + "}"
}

private let path = "/chargingStations/S1/transactions"

extension CLITests {
    /// Serves `pages` in order (the last one for every later request too), then runs
    /// `transactions S1` with `arguments`.
    private func transactions(
        _ pages: [String], _ arguments: [String], check: (CommandRunner.Result, Int) throws -> Void
    ) async throws {
        try await withServer { simulator, runner in
            for (index, body) in pages.enumerated() {
                simulator.addFault(FaultRule(path: path, status: 200, body: body, times: index == pages.count - 1 ? nil : 1))
            }
            let result = try await runner.run(["transactions", "S1"] + arguments)
            try check(result, simulator.requestCounts[path] ?? 0)
        }
    }

    @Test("--all against a server that repeats its cursor: 2 requests, the items that came, exit 5 naming the cursor")
    func repeatedCursorEndsWalk() async throws {
        try await transactions([page(["t1", "t2"], cursor: #"{"k":"A"}"#)], ["--all", "--format", "json"]) { result, requests in
            #expect(requests == 2)
            #expect(result.status == 5)
            let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(items.compactMap { $0["txId"] as? String } == ["t1", "t2"])
            #expect(result.stderr.contains(#"the server repeated a cursor ({"k":"A"}, already sent for page 2); stopped after 2 pages and 2 items"#))
        }
    }

    @Test("cursors that alternate A, B, A: 3 requests, then the error")
    func alternatingCursorsEndWalk() async throws {
        let pages = [page(["t1"], cursor: #"{"k":"A"}"#), page(["t2"], cursor: #"{"k":"B"}"#), page(["t3"], cursor: #"{"k":"A"}"#)]
        try await transactions(pages, ["--all", "--format", "csv"]) { result, requests in
            #expect(requests == 3)
            #expect(result.status == 5)
            let lines = result.stdout.split(separator: "\r\n")
            #expect(lines.count == 4)  // one header, three rows, as they came
            #expect(lines.first?.hasPrefix("txId,") == true)
        }
    }

    @Test("an empty page that offers more ends the walk; items repeated across pages print once and are logged")
    func emptyPagesAndDuplicates() async throws {
        try await transactions([page(["t1"], cursor: #"{"k":"A"}"#), page([], cursor: #"{"k":"B"}"#)], ["--all", "--format", "json"]) { result, requests in
            #expect(requests == 2)
            #expect(result.status == 5)
            #expect(result.stderr.contains("page 2 added nothing new yet offered more"))
        }
        let log = home.appendingPathComponent("requests.log")
        let pages = [page(["t1", "t2"], cursor: #"{"k":"A"}"#), page(["t2", "t3"], cursor: nil)]
        try await transactions(pages, ["--all", "--format", "json", "--log-file", log.path]) { result, requests in
            #expect(requests == 2)
            #expect(result.status == 0, "\(result.stderr)")
            let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(items.compactMap { $0["txId"] as? String } == ["t1", "t2", "t3"])
            let logged = try String(contentsOf: log, encoding: .utf8)
            #expect(logged.contains("1 transactions repeated across pages were dropped"))
        }
    }

    @Test("a failure after page 2 leaves two pages of rows on stdout, then the error on stderr")
    func failureAfterPagesKeepsOutput() async throws {
        let pages = [
            page(["t1"], cursor: #"{"k":"A"}"#), page(["t2"], cursor: #"{"k":"B"}"#),
            #"{"errorMessage":"backend gone"}"#,
        ]
        try await withServer { simulator, runner in
            simulator.addFault(FaultRule(path: path, status: 200, body: pages[0], times: 1))
            simulator.addFault(FaultRule(path: path, status: 200, body: pages[1], times: 1))
            simulator.addFault(FaultRule(path: path, status: 400, body: pages[2]))
            let result = try await runner.run(["transactions", "S1", "--all"])
            #expect(result.status == 4)
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 3)
            #expect(lines.first?.hasPrefix("STARTED") == true)
            #expect(lines.last?.hasSuffix("t2") == true)
            #expect(result.stderr.contains(#""backend gone""#))
        }
    }

    @Test("--max-pages bounds a long walk of the simulator's own cursors")
    func maxPagesBound() async throws {
        try await withServer { simulator, runner in
            func firstID(_ csv: CommandRunner.Result) throws -> String {
                try #require(csv.stdout.split(separator: "\r\n").dropFirst().first?.split(separator: ",").first.map(String.init))
            }
            let location = try firstID(try await runner.run(["locations", "--format", "csv"]))
            let station = try firstID(try await runner.run(["stations", location, "--format", "csv"]))
            let result = try await runner.run(["transactions", station, "--all", "--max-pages", "1", "--format", "csv"])
            #expect(result.status == 5)
            #expect(result.stderr.contains("the page limit (1, --max-pages) was reached"))
            #expect(result.stdout.split(separator: "\r\n").count == 26)  // a header and one page of 25
            #expect(simulator.requestCounts["/chargingStations/\(station)/transactions"] == 1)
        }
    }
}
