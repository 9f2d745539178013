import ArgumentParser
import ChargEyeAPI
import Foundation

/// `chargeye transactions STATION_ID`: a station's charging sessions, newest first.
struct TransactionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transactions", abstract: "List a charging station's transactions, newest first."
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The station's id.")
    var stationId: String

    @Option(help: ArgumentHelp("Only sessions that started at or after this time (2026-11-01 or ISO 8601).", valueName: "time"))
    var from: String?

    @Option(help: ArgumentHelp("Only sessions that started before this time.", valueName: "time"))
    var to: String?

    @Flag(help: "Fetch every page, not only the first; rows are printed as pages arrive.")
    var all = false

    @Option(help: ArgumentHelp(
        "With --all: stop with an error after this many pages (a guard against a server that pages forever).",
        valueName: "n"
    ))
    var maxPages: Int?

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    func validate() throws {
        _ = try TimeArgument.parse(from, name: "--from")
        _ = try TimeArgument.parse(to, name: "--to")
        if let maxPages {
            guard all else { throw ValidationError("--max-pages bounds the walk of --all; add --all") }
            guard maxPages >= 1 else { throw ValidationError("--max-pages must be at least 1") }
        }
    }

    @OptionGroup var repeating: WatchOption

    func run() async throws {
        let start = try TimeArgument.parse(from, name: "--from")
        let end = try TimeArgument.parse(to, name: "--to")
        let noteMore = repeating.watch == nil
        try await repeating.stream(connection) { [stationId, all, maxPages, format] session, write in
            let output = RecordStream<Sourced<Transaction>>(
                format: format, width: Standard.terminalWidth, write: write, table: { TransactionRecords.table($0.map(\.value)) },
                csvHeader: TransactionRecords.fields, csvRow: { TransactionRecords.csvRow($0.value) }
            )
            let request = ChargEyeError.RequestLine(method: "GET", path: "/chargingStations/\(stationId)/transactions")
            var walk = CursorWalk(maxPages: maxPages ?? CursorWalk.defaultMaxPages)
            do {
                repeat {
                    let cursor = walk.next
                    let (page, source) = try await session.client.keepingSource(format == .json) {
                        try await $0.transactions(stationId: stationId, from: start, to: end, cursor: cursor)
                    }
                    let sources = source?.member("transactions")?.elements
                    try output.add(walk.acceptPositions(page, request: request).map { position in
                        Sourced(page.transactions[position], json: sources?.count == page.transactions.count ? sources?[position] : nil)
                    })
                } while all && walk.hasMore
            } catch {
                // What came stays usable: the table as far as it got, the JSON array closed.
                if output.written > 0 { output.finish() }
                throw error
            }
            output.finish()
            if walk.duplicatesDropped > 0 {
                session.client.configuration.logger.warning(
                    "\(request): \(walk.duplicatesDropped) transactions repeated across pages were dropped"
                )
            }
            if all, let failure = walk.failure { throw failure }
            if noteMore, !all, walk.next != nil || walk.failure != nil {
                Standard.error("(first \(output.written) shown; more exist: pass --all for every page)")
            }
        }
    }
}

/// Times given on the command line: a date (local midnight) or an ISO 8601 timestamp.
enum TimeArgument {
    static func parse(_ text: String?, name: String) throws -> Date? {
        guard let text else { return nil }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(timeZone: .current).year().month().day()) {
            return date
        }
        if let date = TolerantDateTranscoder.parse(text) { return date }
        throw ValidationError("\(name) \"\(text)\" is not a date (2026-11-01) or an ISO 8601 time (2026-11-01T08:00:00Z)")
    }
}
