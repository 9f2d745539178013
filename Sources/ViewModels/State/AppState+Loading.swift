import ChargEyeAPI
import Foundation

extension AppState {
    /// Starts (re)loading the level at `depth`; its current data stays on screen meanwhile.
    mutating func load(depth: Int) -> [Effect] {
        let id = makeRequestID()
        stack[depth].phase = .loading(id)
        stack[depth].attemptedAt = now
        return [.load(id, stack[depth].kind.request)]
    }

    /// When the current live view reloads next: the refresh interval after the last attempt,
    /// stretched by backoff (up to 5 minutes) after failures. nil when paused or not live.
    var nextLiveRefresh: Date? {
        let level = current
        guard level.kind.isLive, !livePaused, let last = level.attemptedAt ?? level.loadedAt else { return nil }
        if case .loading = level.phase { return nil }
        let backoff = min(300, refreshInterval * pow(2, Double(min(liveFailures, 8))))
        return last.addingTimeInterval(liveFailures == 0 ? refreshInterval : max(refreshInterval, backoff))
    }

    /// Reloads the current live view when its time has come.
    mutating func refreshLiveIfDue() -> [Effect] {
        guard let due = nextLiveRefresh, due <= now, mode != .consoleInput else { return [] }
        let effects = load(depth: stack.count - 1)
        if case .load(let id, _)? = effects.first { liveRequest = id }
        return effects
    }

    /// Asks for the next page of transactions when the selection nears the end of the list.
    mutating func loadMoreIfNeeded() -> [Effect] {
        let level = current
        guard case .transactions(_, let stationId) = level.kind, level.walk.hasMore, let cursor = level.walk.next,
            level.pageLoading == nil, level.phase != .failed,
            (level.selectedIndex ?? 0) >= level.visible.count - max(5, listRows / 2)
        else { return [] }
        let id = makeRequestID()
        stack[stack.count - 1].pageLoading = id
        return [.load(id, .transactions(stationId: stationId, cursor: cursor))]
    }

    /// Applies a reply; replies nobody waits for any more are dropped. A page of transactions
    /// never asks for the next by itself: only moving near the end does (`loadMoreIfNeeded`).
    mutating func receive(_ id: RequestID, _ result: Result<APIResponse, ChargEyeError>) -> [Effect] {
        guard let depth = stack.lastIndex(where: { $0.phase == .loading(id) || $0.pageLoading == id }) else { return [] }
        let isPage = stack[depth].pageLoading == id
        let isLive = liveRequest == id
        if isLive { liveRequest = nil }
        retry = nil
        switch result {
        case .success(let response):
            let before = stack[depth].data
            let effects = apply(response, depth: depth, isPage: isPage)
            if failure?.depth == depth { failure = nil }
            if stack[depth].kind.isLive {
                liveFailures = 0
                liveError = nil
                noteTransitions(from: before, to: stack[depth].data, in: stack[depth].kind)
            }
            return effects
        case .failure(let error) where isLive:
            stack[depth].phase = .failed
            liveFailures += 1
            liveError = error
            return []
        case .failure(let error):
            let request: APIRequest
            if isPage {
                stack[depth].pageLoading = nil
                request = .transactions(stationId: stationID(of: stack[depth].kind), cursor: stack[depth].walk.next)
            } else {
                stack[depth].phase = .failed
                request = stack[depth].kind.request
            }
            failure = Failure(error: error, request: request, at: now, depth: depth)
            return []
        }
    }

    /// Re-issues the failed request (the `r` key); the error pane closes while it runs. A list
    /// whose paging the server broke is loaded again from its first page.
    mutating func retryFailed() -> [Effect] {
        guard let failure else {
            if current.phase == .failed || current.data == nil || current.walk.failure != nil {
                return load(depth: stack.count - 1)
            }
            show("nothing to retry")
            return []
        }
        self.failure = nil
        guard failure.depth < stack.count else { return [] }
        if case .transactions(_, let cursor?) = failure.request {
            let id = makeRequestID()
            stack[failure.depth].pageLoading = id
            return [.load(id, .transactions(stationId: stationID(of: stack[failure.depth].kind), cursor: cursor))]
        }
        return load(depth: failure.depth)
    }

    /// Shows the locations that arrived so far of a streamed answer: the first time they
    /// replace what the level showed, later the level takes over the rows it lacks.
    mutating func receivePart(_ id: RequestID, _ soFar: LocationsSoFar) {
        guard let depth = stack.lastIndex(where: { $0.phase == .loading(id) }) else { return }
        if stack[depth].partsOf != id || stack[depth].partsRestarts != soFar.restarts {
            stack[depth].data = .locations(soFar.locations)
            stack[depth].partsOf = id
            stack[depth].partsRestarts = soFar.restarts
        } else {
            stack[depth].extend(to: soFar.locations)
        }
        stack[depth].refreshVisible(rollups: rollups, listRows: listRows)
    }

    /// Puts a reply's data into the level at `depth`; returns effects it calls for (a log line).
    private mutating func apply(_ response: APIResponse, depth: Int, isPage: Bool) -> [Effect] {
        var level = stack[depth]
        var effects: [Effect] = []
        switch (response, level.kind) {
        case (.locations(let items), _):
            level.data = .locations(LocationTable(items))
        case (.locationsStreamed, _):
            if level.partsOf == nil { level.data = .locations(LocationTable()) }
        case (.stations(let items), .stations(let location)):
            level.data = .stations(items)
            rollups[location.id] = Rollup(items)
        case (.stations(let items), .connectors(let location, let stationId)):
            rollups[location.id] = Rollup(items)
            if let station = items.first(where: { $0.stationId == stationId }) {
                level.data = .connectors(station)
            } else {
                show("station \(stationId) is no longer listed at \(location.name)", role: .warning, seconds: 8)
            }
        case (.transactions(let page), .transactions(_, let stationId)):
            let request = ChargEyeError.RequestLine(method: "GET", path: "/chargingStations/\(stationId)/transactions")
            if !isPage { level.walk = CursorWalk() }
            let dropped = level.walk.duplicatesDropped
            let fresh = level.walk.accept(page, request: request)
            if isPage, case .transactions(let existing)? = level.data {
                level.data = .transactions(existing + fresh)
            } else {
                level.data = .transactions(fresh)
            }
            if level.walk.duplicatesDropped > dropped {
                effects.append(.log("\(request): \(level.walk.duplicatesDropped - dropped) transactions repeated across pages were dropped"))
            }
            if let failure = level.walk.failure {
                show("more pages could not be loaded: \(failure.shortReason); \(keyName(.retry)) retries", role: .warning, seconds: 10)
                effects.append(.log(failure.description))
            }
            level.summary = page.summary ?? level.summary
            level.pageLoading = nil
        case (.vehicles(let items), _):
            level.data = .vehicles(items)
        default:
            break
        }
        if !isPage { level.phase = .loaded(at: now) }
        level.partsOf = nil
        level.loadedAt = now
        level.refreshVisible(rollups: rollups, listRows: listRows)
        stack[depth] = level
        if depth > 0, case .stations = response {
            stack[0].refreshVisible(rollups: rollups, listRows: listRows)
        }
        return effects
    }

    /// Records status changes between two loads of a live view, and which rows changed.
    private mutating func noteTransitions(from before: LevelData?, to after: LevelData?, in kind: LevelKind) {
        guard let before, let after else {
            changedIDs = []
            return
        }
        let found = StatusEvent.transitions(from: before, to: after, at: now)
        changedIDs = Set(found.map(\.rowID))
        events = Array((found.reversed() + events).prefix(Self.eventLimit))
    }

    /// How many status events are kept.
    static let eventLimit = 20

    private func stationID(of kind: LevelKind) -> String {
        switch kind {
        case .connectors(_, let id), .transactions(_, let id): id
        default: ""
        }
    }
}
