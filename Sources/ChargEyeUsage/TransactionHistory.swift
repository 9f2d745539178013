public import ChargEyeAPI
public import Foundation

/// Every transaction of some stations for a period, each station's cursor walked to its end,
/// at most `parallel` stations at once. What came stays when a walk fails or is cancelled.
public struct TransactionHistory: Sendable {
    /// One station's walk.
    public struct StationHistory: Sendable {
        public var stationId: String
        public var transactions: [Transaction] = []
        /// The summary of the last page that came.
        public var summary: TransactionsSummary?
        public var pages = 0
        /// Why the walk ended early, if it did.
        public var failure: ChargEyeError?
        /// True once the walk reached its last page.
        public var complete = false
    }

    /// In the order the stations were asked for.
    public var stations: [StationHistory]

    /// Progress, as each page comes: stations done, stations in all, transactions so far.
    public struct Progress: Sendable, Equatable {
        public var stationsDone: Int
        public var stationsTotal: Int
        public var transactions: Int
    }

    /// At most this many stations' walks in flight (the API is not to be stormed).
    public static let defaultParallel = 4

    /// Walks each station's transactions from `period.start` to `period.end`.
    public static func fetch(
        _ client: ChargEyeClient, stationIds: [String], period: DateInterval, parallel: Int = defaultParallel,
        maxPages: Int = CursorWalk.defaultMaxPages, progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async -> TransactionHistory {
        let ids = Array(NSOrderedSet(array: stationIds).compactMap { $0 as? String })
        var results = ids.map { StationHistory(stationId: $0) }
        var done = 0, count = 0
        await withTaskGroup(of: (Int, StationHistory).self) { group in
            var next = 0
            func startNext() {
                guard next < ids.count else { return }
                let index = next, id = ids[index]
                next += 1
                group.addTask { (index, await walk(client, stationId: id, period: period, maxPages: maxPages)) }
            }
            for _ in 0..<max(1, parallel) { startNext() }
            for await (index, history) in group {
                results[index] = history
                done += 1
                count += history.transactions.count
                progress(Progress(stationsDone: done, stationsTotal: ids.count, transactions: count))
                if !Task.isCancelled { startNext() }
            }
        }
        return TransactionHistory(stations: results)
    }

    private static func walk(_ client: ChargEyeClient, stationId: String, period: DateInterval, maxPages: Int) async -> StationHistory {
        var history = StationHistory(stationId: stationId)
        let request = ChargEyeError.RequestLine(method: "GET", path: "/chargingStations/\(stationId)/transactions")
        var walk = CursorWalk(maxPages: maxPages)
        repeat {
            guard !Task.isCancelled else { return history }
            do {
                let page = try await client.transactions(stationId: stationId, from: period.start, to: period.end, cursor: walk.next)
                history.transactions += walk.accept(page, request: request)
                history.summary = page.summary ?? history.summary
                history.pages += 1
            } catch let error as ChargEyeError {
                history.failure = error
                return history
            } catch {
                return history  // cancelled
            }
        } while walk.hasMore
        history.failure = walk.failure
        history.complete = walk.failure == nil
        return history
    }

    /// Stations whose walk did not reach its end.
    public var incomplete: [StationHistory] { stations.filter { !$0.complete } }
}
