public import ChargEyeAPI
public import Foundation

/// Every transaction of some stations for a period, each station's cursor walked to its end,
/// at most `parallel` stations at once. What came stays when a walk fails or is cancelled.
public struct TransactionHistory: Sendable {
    /// One station's walk.
    public struct StationHistory: Sendable, Equatable {
        public var stationId: String
        public var transactions: [Transaction] = []
        /// The summary of the last page that came.
        public var summary: TransactionsSummary?
        public var pages = 0
        /// Why the walk ended early, if it did.
        public var failure: ChargEyeError?
        /// True once the walk reached its last page.
        public var complete = false

        public init(stationId: String) {
            self.stationId = stationId
        }
    }

    /// In the order the stations were asked for.
    public var stations: [StationHistory]

    /// At most this many stations' walks in flight (the API is not to be stormed).
    public static let defaultParallel = 4

    /// Walks each station's transactions from `period.start` to `period.end`; `onPage` gets a
    /// station's history so far after each of its pages (from several tasks at once).
    public static func fetch(
        _ client: ChargEyeClient, stationIds: [String], period: DateInterval, parallel: Int = defaultParallel,
        maxPages: Int = CursorWalk.defaultMaxPages, onPage: @escaping @Sendable (StationHistory) -> Void = { _ in }
    ) async -> TransactionHistory {
        var seen = Set<String>()
        let ids = stationIds.filter { seen.insert($0).inserted }
        var results = ids.map { StationHistory(stationId: $0) }
        await withTaskGroup(of: (Int, StationHistory).self) { group in
            var next = 0
            func startNext() {
                guard next < ids.count else { return }
                let index = next, id = ids[index]
                next += 1
                group.addTask { (index, await walk(client, stationId: id, period: period, maxPages: maxPages, onPage: onPage)) }
            }
            for _ in 0..<max(1, parallel) { startNext() }
            for await (index, history) in group {
                results[index] = history
                if !Task.isCancelled { startNext() }
            }
        }
        return TransactionHistory(stations: results)
    }

    private static func walk(
        _ client: ChargEyeClient, stationId: String, period: DateInterval, maxPages: Int, onPage: @Sendable (StationHistory) -> Void
    ) async -> StationHistory {
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
                history.complete = !walk.hasMore && walk.failure == nil
                history.failure = walk.failure
                onPage(history)
            } catch let error as ChargEyeError {
                history.failure = error
                onPage(history)
                return history
            } catch {
                return history  // cancelled
            }
        } while walk.hasMore
        return history
    }

    /// Stations whose walk did not reach its end.
    public var incomplete: [StationHistory] { stations.filter { !$0.complete } }
}
