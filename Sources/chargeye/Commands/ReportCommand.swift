import ArgumentParser
import ChargEyeAPI
import ChargEyeUsage
import Foundation
import Synchronization

/// `chargeye report`: energy, sessions, charging and occupied time, utilisation and peak power
/// per day, week or month, for a location's stations or some stations, from their transactions.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report energy, sessions, charging and occupied time, utilisation and peak power per day, week or month.",
        discussion: """
            Walks every page of each station's transactions for the period (at most \(TransactionHistory.defaultParallel) \
            stations at once). A session's energy and time are split over the buckets it spans in proportion to its time \
            in each; it counts as a session in the bucket it started in. Utilisation is occupied connector time over the \
            bucket's length times the station's connectors. Buckets follow the local time zone (TZ): a day with a clock \
            change is one day of 23 or 25 hours. Sessions with inconsistent times or impossible values are left out of \
            what they would distort, and counted in the notes.
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("Report on this location's stations.", valueName: "uid"))
    var location: String?

    @Option(name: .customLong("station"), help: ArgumentHelp("Report on this station (repeatable).", valueName: "id"))
    var stations: [String] = []

    @Option(help: ArgumentHelp("Start of the period (2026-11-01 is local midnight, or ISO 8601); default: 30 days before --to, from midnight.", valueName: "time"))
    var from: String?

    @Option(help: ArgumentHelp("End of the period (exclusive); default: now.", valueName: "time"))
    var to: String?

    @Option(help: "Bucket size: day, week (ISO, from Monday) or month.")
    var by: BucketSize = .day

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    @Flag(help: "In table output, a bar of each bucket's energy.")
    var bars = false

    func validate() throws {
        guard (location == nil) != stations.isEmpty else {
            throw ValidationError("give --location UID or one or more --station ID (not both)")
        }
        if bars, format != .table { throw ValidationError("--bars draws in the table; it does not apply to --format \(format.rawValue)") }
        _ = try period(now: Date())
    }

    /// The period from the options, in the local time zone.
    private func period(now: Date) throws -> DateInterval {
        let calendar = BucketCalendar()
        let end = try TimeArgument.parse(to, name: "--to") ?? now
        let start = try TimeArgument.parse(from, name: "--from") ?? calendar.lastDays(30, now: end).start
        guard start < end else { throw ValidationError("--from must be before --to") }
        guard calendar.buckets(covering: DateInterval(start: start, end: end), by: by).count < BucketCalendar.maxBuckets else {
            throw ValidationError("the period is too long for --by \(by.rawValue); choose a larger bucket or a shorter period")
        }
        return DateInterval(start: start, end: end)
    }

    func run() async throws {
        let period = try period(now: Date())
        try await Session.with(connection) { [location, stations, by, format, bars] session in
            let (ids, connectors) = try await Self.stations(session.client, location: location, ids: stations)
            let progress = ReportProgressLine()
            progress.stations = ids.count
            let history = await TransactionHistory.fetch(session.client, stationIds: ids, period: period, onPage: progress.report)
            progress.finish()
            let now = Date()
            let report = UsageReport(
                stations: history.stations.map { station in
                    .init(stationId: station.stationId,
                          sessions: UsageSession.sessions(of: station.transactions, stationId: station.stationId, now: now),
                          connectors: connectors[station.stationId], apiSummary: station.complete ? station.summary : nil)
                },
                period: period, size: by, calendar: BucketCalendar()
            )
            let text = try UsageReportOutput.render(
                report, format: format, bars: bars, ascii: !OutputCharset.isUTF8(LaunchEnvironment.values), width: Standard.terminalWidth
            )
            Standard.write(text.hasSuffix("\n") ? text : text + "\n")
            if let incomplete = IncompleteAnswer(history) { throw incomplete }
        }
    }

    /// The stations to report on, and their connector counts where the API gave them.
    private static func stations(_ client: ChargEyeClient, location: String?, ids: [String]) async throws -> ([String], [String: Int]) {
        if let location {
            let stations = try await client.stations(locationUid: location)
            return (stations.map(\.stationId), UsageReport.connectorCounts(stations))
        }
        do {
            return (ids, UsageReport.connectorCounts(try await client.stations(ids: ids)))
        } catch let error as ChargEyeError {
            // The report still stands on the transactions: connectors are counted from them.
            Standard.error("chargeye: warning: could not read the stations' connectors (\(error.shortReason)); utilisation counts the connectors their sessions used")
            return (ids, [:])
        }
    }
}

/// Progress of the transaction walk on standard error, when it is a terminal.
final class ReportProgressLine: Sendable {
    private let shown = isatty(STDERR_FILENO) == 1
    /// Each station's history so far.
    private let walks = Mutex<[String: TransactionHistory.StationHistory]>([:])
    private let total = Mutex(0)

    /// How many stations the walk covers.
    var stations: Int {
        get { total.withLock { $0 } }
        set { total.withLock { $0 = newValue } }
    }

    func report(_ history: TransactionHistory.StationHistory) {
        guard shown else { return }
        let (done, sessions) = walks.withLock { walks in
            walks[history.stationId] = history
            return (walks.values.count { $0.complete || $0.failure != nil }, walks.values.reduce(0) { $0 + $1.transactions.count })
        }
        Standard.errorRaw("\r\u{1B}[Kreading transactions: \(done)/\(stations) stations, \(sessions) sessions")
    }

    func finish() {
        if shown { Standard.errorRaw("\r\u{1B}[K") }
    }
}
