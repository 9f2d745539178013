import ChargEyeFleet
import ChargEyeAPI
import Foundation

extension AppState {
    /// A new level for the stack, with an id of its own.
    mutating func makeLevel(_ kind: LevelKind) -> Level {
        levelCount += 1
        return Level(id: LevelID(value: levelCount), kind: kind)
    }

    /// Starts a request for the level at `depth` (its data stays on screen meanwhile); a request
    /// still in flight for that level is cancelled first.
    mutating func load(depth: Int, _ reason: LevelLoad) -> [Effect] {
        let level = stack[depth]
        var effects: [Effect] = []
        if let old = level.load.requestID, requests.finish(old) != nil { effects.append(.cancel(old)) }
        let id = requests.start(.level(level.id, reason))
        stack[depth].load = .loading(InFlight(id: id, reason: reason, showsPartialData: level.isIncomplete))
        if level.kind == .fleetStations { fleet.progress = nil }
        return effects + [.load(id, request(for: level.kind, reason))]
    }

    /// Asks for a stations level's asset records, once.
    mutating func loadHardware(depth: Int) -> [Effect] {
        guard case .stations(let location) = stack[depth].kind, stack[depth].hardware == .notAsked else { return [] }
        stack[depth].hardware = .loading
        return [.load(requests.start(.hardware(stack[depth].id)), .stationAssets(locationUid: location.id))]
    }

    /// The API request that performs `reason` for a level.
    private func request(for kind: LevelKind, _ reason: LevelLoad) -> APIRequest {
        guard case .page(let cursor) = reason, case .transactions(_, let stationId) = kind else { return kind.request }
        return .transactions(stationId: stationId, cursor: cursor)
    }

    /// When the current live view reloads next: the refresh interval after the last load ended,
    /// stretched by backoff (up to 5 minutes) after failures. nil when paused, loading or not live.
    var nextLiveRefresh: Date? {
        let level = current
        guard level.kind.isLive, !livePaused else { return nil }
        let last: Date
        switch level.load {
        case .idle, .loading: return nil
        case .loaded(let at), .cancelled(let at, _): last = at
        case .failed(let failure):
            // A fleet read refused for good (too large, no permission) waits for r.
            if level.kind == .fleetStations, !failure.error.isRetryable { return nil }
            last = failure.at
        }
        return refreshDue(after: last, failures: level.failuresInARow, fleetRead: level.kind == .fleetStations)
    }

    /// When a live read that ended at `last` runs again: the refresh interval, stretched by
    /// backoff (up to 5 minutes) after `failures` failures in a row. A fleet read made location
    /// by location (hundreds of calls) runs at most every 5 minutes.
    func refreshDue(after last: Date, failures: Int, fleetRead: Bool = false) -> Date {
        var period = refreshInterval
        if fleetRead, case .perLocation? = fleet.source { period = max(period, 300) }
        let backoff = min(300, period * pow(2, Double(min(failures, 8))))
        return last.addingTimeInterval(failures == 0 ? period : max(period, backoff))
    }

    /// Reloads the current live view when its time has come (not while the user types a GET or
    /// reads the error pane about this level's last load, or the help opened from it).
    mutating func refreshLiveIfDue() -> [Effect] {
        guard !liveRefreshHeld else { return [] }
        var effects: [Effect] = []
        if let due = nextFleetRefresh, due <= now { effects += loadFleet() }
        guard let due = nextLiveRefresh, due <= now else { return effects }
        return effects + load(depth: stack.count - 1, .live)
    }

    /// Whether live reloads wait: while the user types a GET, or reads the error pane (or the
    /// help opened from it). No deadline is due for them meanwhile.
    var liveRefreshHeld: Bool {
        mode == .consoleInput || mode == .error || (mode == .help && helpReturn == .error)
    }

    /// Asks for the next page of transactions when the selection nears the end of the list.
    mutating func loadMoreIfNeeded() -> [Effect] {
        let level = current
        guard case .transactions = level.kind, level.walk.hasMore, let cursor = level.walk.next,
            !level.isLoading, level.load.failure == nil,
            (level.selectedIndex ?? 0) >= level.visible.count - max(5, listRows / 2)
        else { return [] }
        return load(depth: stack.count - 1, .page(cursor))
    }

    /// Applies a reply. A page of transactions never asks for the next by itself: only moving
    /// near the end does (`loadMoreIfNeeded`).
    mutating func receive(_ id: RequestID, _ result: Result<APIResponse, ChargEyeError>) -> [Effect] {
        let purpose = requests.finish(id)?.purpose
        if case .fleet? = purpose { return receiveFleet(result) }
        if case .hardware(let levelID)? = purpose, let depth = stack.firstIndex(where: { $0.id == levelID }) {
            switch result {
            case .success(.stationAssets(let records)):
                stack[depth].hardware = .loaded(Dictionary(records.map { ($0.stationId, $0) }, uniquingKeysWith: { first, _ in first }))
            case .success: stack[depth].hardware = .failed("unexpected answer")
            case .failure(let error): stack[depth].hardware = .failed(error.shortReason)
            }
            return []
        }
        guard case .level(let levelID, let reason)? = purpose,
            let depth = stack.firstIndex(where: { $0.id == levelID })
        else { return [] }
        var effects: [Effect] = []
        switch result {
        case .success(let response):
            effects = receive(response, depth: depth, reason)
        case .failure(let error):
            fail(depth: depth, reason, error)
        }
        return effects + readFleetAfterLocations(depth: depth)
    }

    /// The fleet is first read once the locations list is in (or has failed), not beside it:
    /// a large fleet's answer (tens of MB) would slow down the list the operator waits for.
    private mutating func readFleetAfterLocations(depth: Int) -> [Effect] {
        guard depth == 0, stack[0].kind == .locations, fleet.endedAt == nil, !fleet.isLoading else { return [] }
        return loadFleet()
    }

    private mutating func receive(_ response: APIResponse, depth: Int, _ reason: LevelLoad) -> [Effect] {
        let before = stack[depth].data
        let isPage = if case .page = reason { true } else { false }
        let effects = apply(response, depth: depth, isPage: isPage)
        stack[depth].load = .loaded(at: now)
        stack[depth].failuresInARow = 0
        if depth == stack.count - 1, mode == .error { mode = .browse }
        if stack[depth].kind.isLive, depth == stack.count - 1 { noteTransitions(from: before, to: stack[depth].data) }
        return effects
    }

    /// Marks a level failed, keeping its data; a call the user is waiting for opens the error pane.
    private mutating func fail(depth: Int, _ reason: LevelLoad, _ error: ChargEyeError) {
        let level = stack[depth]
        stack[depth].load = .failed(LoadFailure(
            error: error, request: request(for: level.kind, reason), reason: reason, at: now, partial: level.isStreaming || level.isIncomplete
        ))
        stack[depth].failuresInARow += 1
        if reason != .live, depth == stack.count - 1, mode == .browse || mode == .filtering { mode = .error }
    }

    /// Re-issues the current level's failed request (`r`); a list whose paging the server broke,
    /// or that was never loaded, is loaded again from its first page.
    mutating func retryFailed() -> [Effect] {
        let level = current
        if mode == .error { mode = .browse }
        if let failure = level.load.failure {
            return load(depth: stack.count - 1, failure.reason == .live ? .reload : failure.reason)
        }
        if level.isLoading {
            show(stack.count == 1 ? "already loading; \(keyName(.back)) stops it" : "already loading")
            return []
        }
        if level.data == nil || level.walk.failure != nil || level.isIncomplete || level.load.isCancelled {
            return load(depth: stack.count - 1, .reload)
        }
        if stack.count == 1, stack[0].kind == .locations, fleet.failure != nil, !fleet.isLoading {
            show("reading the fleet again", role: .accent)
            return loadFleet()
        }
        if case .failed = level.hardware {
            stack[stack.count - 1].hardware = .notAsked
            return loadHardware(depth: stack.count - 1)
        }
        show("nothing to retry")
        return []
    }

    /// Esc while the top list loads: stops the call (retries included) and keeps what is shown;
    /// on the locations list, the fleet read beside it too.
    mutating func cancelLoading() -> [Effect] {
        let depth = stack.count - 1
        let fleetEffects = depth == 0 ? cancelFleetRead() : []
        guard let id = current.load.requestID else {
            if !fleetEffects.isEmpty { show("stopped reading the fleet; \(keyName(.retry)) reads it now, else it is read again on the refresh schedule", role: .warning) }
            return fleetEffects
        }
        _ = requests.finish(id)
        stack[depth].load = .cancelled(at: now, partial: current.isStreaming || current.isIncomplete)
        // The fleet waits for the locations list; stopped, the list hands the fleet to its
        // refresh schedule rather than leaving it unread.
        if depth == 0, current.kind == .locations, fleet.endedAt == nil { fleet.endedAt = now }
        show("cancelled \(current.kind.request.line); \(keyName(.retry)) loads it again", role: .warning)
        return fleetEffects + [.cancel(id)]
    }

    /// Leaves the top level: its requests in flight are cancelled.
    mutating func popLevel() -> [Effect] {
        let abandoned = stack.removeLast()
        return requests.cancel { purpose in
            switch purpose {
            case .level(abandoned.id, _), .hardware(abandoned.id): true
            default: false
            }
        }.map(Effect.cancel)
    }

    /// Takes the locations that arrived so far of a streamed answer. A first load shows them at
    /// once (the first time they replace what the level showed, later the level takes over the
    /// rows it lacks); a reload keeps them aside, with the last good list on screen, until the
    /// answer is whole.
    mutating func receivePart(_ id: RequestID, _ soFar: LocationsSoFar) {
        guard case .level(let levelID, let reason)? = requests[id]?.purpose,
            let depth = stack.firstIndex(where: { $0.id == levelID })
        else { return }
        let level = stack[depth]
        let earlier = level.load.request?.partsRestarts
        let holdBack = earlier == nil ? reason != .first && level.data != nil : level.load.request?.heldBack != nil
        stack[depth].load = .loading(InFlight(
            id: id, reason: reason, partsRestarts: soFar.restarts, heldBack: holdBack ? soFar : nil,
            showsPartialData: holdBack && level.load.request?.showsPartialData == true
        ))
        if holdBack { return }
        stack[depth].showStreamed(soFar, continuing: earlier == soFar.restarts)
        stack[depth].refreshVisible(rollups: rollups, listRows: listRows)
    }

    /// Puts a reply's data into the level at `depth`; returns effects it calls for (a log line).
    private mutating func apply(_ response: APIResponse, depth: Int, isPage: Bool) -> [Effect] {
        var level = stack[depth]
        var effects: [Effect] = []
        switch (response, level.kind) {
        case (.locationsStreamed, _):
            if let heldBack = level.load.request?.heldBack {
                level.showStreamed(heldBack, continuing: false)
            } else if !level.isStreaming {
                level.data = .locations(LocationTable())
            }
        case (.stations(let items), .stations(let location)):
            level.data = .stations(StationTable(items))
            rollups[location.id] = Rollup(items)
        case (.stations(let items), .connectors(let location, let stationId)):
            rollups[location.id] = Rollup(items)
            if let station = items.first(where: { $0.stationId == stationId }) {
                level.data = .connectors(station)
            } else {
                show("station \(stationId) is no longer listed at \(location.name)", role: .warning, seconds: 8)
            }
        case (.transactions(let page), .transactions(_, let stationId)):
            effects = accept(page, into: &level, stationId: stationId, isPage: isPage)
        case (.vehicles(let items), _):
            level.data = .vehicles(items)
        case (.fleet(let read), .fleetStations):
            level.extend(to: .stations(read.stations))
            _ = absorbFleet(read)
            effects = Self.logLines(read)
        default:
            break
        }
        level.loadedAt = now
        level.refreshVisible(rollups: rollups, listRows: listRows)
        stack[depth] = level
        if depth > 0, case .stations = response {
            stack[0].refreshVisible(rollups: rollups, listRows: listRows)
        }
        return effects
    }

    /// Adds a page of transactions to a level (or starts it over with a first page).
    private mutating func accept(_ page: TransactionPage, into level: inout Level, stationId: String, isPage: Bool) -> [Effect] {
        var effects: [Effect] = []
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
        return effects
    }

    /// Records status changes between two loads of a live view, and which rows changed.
    private mutating func noteTransitions(from before: LevelData?, to after: LevelData?) {
        guard let before, let after else {
            changedIDs = []
            return
        }
        // The rest of the answer whose first stations are shown: nothing changed yet.
        if case .stations(let shown) = before, case .stations(let all) = after, all.isExtension(of: shown) { return }
        let found = StatusEvent.transitions(from: before, to: after, at: now)
        changedIDs = Set(found.map(\.rowID))
        events = Array((found.reversed() + events).prefix(Self.eventLimit))
    }

    /// How many status events are kept.
    static let eventLimit = 20
}
