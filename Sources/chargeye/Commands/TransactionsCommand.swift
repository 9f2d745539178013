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

    @Flag(help: "Fetch every page, not only the first.")
    var all = false

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    func validate() throws {
        _ = try TimeArgument.parse(from, name: "--from")
        _ = try TimeArgument.parse(to, name: "--to")
    }

    @OptionGroup var repeating: WatchOption

    func run() async throws {
        let start = try TimeArgument.parse(from, name: "--from")
        let end = try TimeArgument.parse(to, name: "--to")
        let noteMore = repeating.watch == nil
        try await repeating.run(connection) { [stationId, all, format] session in
            var page = try await session.client.transactions(stationId: stationId, from: start, to: end)
            var transactions = page.transactions
            while all, let next = page.next {
                page = try await session.client.transactions(stationId: stationId, from: start, to: end, cursor: next)
                transactions += page.transactions
            }
            if noteMore, page.next != nil {
                Standard.error("(first \(transactions.count) shown; more exist: pass --all for every page)")
            }
            switch format {
            case .table: return TransactionRecords.table(transactions).render(width: Standard.terminalWidth)
            case .json: return try JSONOutput.render(transactions)
            case .csv: return CSVWriter.render(header: TransactionRecords.fields, rows: transactions.map(TransactionRecords.csvRow))
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
