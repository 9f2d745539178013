import ChargEyeFleet
import ChargEyeText
import ChargEyeAPI
import Foundation

extension AppState {
    /// Where the keyboard is now, for the key map.
    public var keyContext: KeyContext {
        switch mode {
        case .browse: .browse
        case .filtering: .filter
        case .consoleInput: .consoleInput
        case .console: .console
        case .requestLog: .requestLog
        case .chart: .chart
        case .error: .error
        case .help: .help
        }
    }

    /// How the hints name an action's key.
    func keyName(_ action: Action) -> String {
        keyMap.name(of: action)
    }

    /// Routes a key through the key map of the current context. Keys that act the same
    /// everywhere (quit from anywhere, suspend) are handled first.
    mutating func handle(_ key: Key) -> [Effect] {
        let action = keyMap.action(for: key, in: keyContext)
        switch action {
        case .interrupt?: return [.quit]
        case .suspend?: return [.suspend]
        default: break
        }
        switch mode {
        case .filtering: return handleFilterKey(key, action)
        case .consoleInput: return handleConsoleInputKey(key, action)
        case .console: return handleConsoleKey(action)
        case .requestLog: return handleRequestLogKey(action)
        case .chart: return handleChartKey(action)
        case .error: return handleErrorKey(action)
        case .help:
            if scrollHelp(action) { return [] }
            mode = helpReturn == .error && current.load.failure != nil ? .error : .browse
            return []
        case .browse:
            guard let action else { return [] }
            return perform(action)
        }
    }

    /// In the error pane only its keys act: retry, dismiss, copy the error, help, quit.
    private mutating func handleErrorKey(_ action: Action?) -> [Effect] {
        switch action {
        case .retry?: return retryFailed()
        case .back?:
            mode = .browse
            return []
        case .copyID?:
            guard let failure = current.load.failure else { return [] }
            // The error's summary names its request; one that cannot is prefixed with it.
            let text = failure.error.request == nil ? "\(failure.request.line): \(failure.error.summary)" : failure.error.summary
            return [.copyToClipboard(TextSanitizer.singleLine(text, limit: 1000))]
        case .help?:
            openHelp()
            return []
        case .quit?: return [.quit]
        default: return []
        }
    }

    /// Does what an action says, in browse mode.
    mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .moveUp: return move(by: -1)
        case .moveDown: return move(by: 1)
        case .pageUp: return move(by: -max(1, listRows - 1))
        case .pageDown: return move(by: max(1, listRows - 1))
        case .top: return move(by: -Int.max / 2)
        case .bottom: return move(by: Int.max / 2)
        case .open: return open()
        case .back: return back()
        case .switchPane:
            if detailHidden { detailHidden = false }
            focus = focus == .list ? .detail : .list
            relayout()
            return []
        case .toggleDetail:
            detailHidden.toggle()
            focus = .list
            show(detailHidden ? "detail pane hidden (\(keyName(.toggleDetail)) shows it)" : "detail pane shown")
            relayout()
            return []
        case .filter:
            mode = .filtering
            focus = .list
            relayout()  // the prompt takes a row
            return []
        case .facet:
            let facets = fleetSummary?.facets ?? []
            if facets.isEmpty { show("this list has no status to narrow to") }
            stack[stack.count - 1].cycleFacet(through: facets, rollups: rollups, listRows: listRows)
            return []
        case .sort:
            stack[stack.count - 1].cycleSort(rollups: rollups, listRows: listRows)
            show(current.kind.sortKeys.count > 1 ? "sorted by \(current.sort.rawValue)" : "this list has one order")
            return []
        case .switchView: return switchRootView()
        case .problems: return toggleProblems()
        case .openLocation: return openStationLocation()
        case .retry: return retryFailed()
        case .reload:
            return load(depth: stack.count - 1, .reload)
        case .pauseLive:
            livePaused.toggle()
            show(livePaused ? "live refresh paused (\(keyName(.pauseLive)) resumes)" : "live refresh resumed, every \(Int(refreshInterval)) s", role: livePaused ? .warning : .ok)
            return livePaused ? [] : refreshLiveIfDue()
        case .refreshToken:
            if let earliest = token?.earliestRenewal, earliest > now {
                show("token not renewed: renewals are spaced out (\(ChargEyeError.duration(earliest.timeIntervalSince(now))) to go)", role: .warning)
                return []
            }
            return [.refreshToken(requests.start(.token))]
        case .console:
            mode = .consoleInput
            return []
        case .requestLog:
            mode = .requestLog
            requestLog.selected = max(0, requestLog.records.count - 1)
            requestLog.showsDetail = false
            return []
        case .handoff:
            return [.writeHandoff(handoffReport)]
        case .copyID:
            guard let id = current.selectedID else { return [] }
            return [.copyToClipboard(id)]
        case .vehicles:
            guard let location = selectedLocation() else {
                show("vehicles belong to a location: select one first")
                return []
            }
            return pushLevel(.vehicles(location))
        case .usageChart:
            return openUsageChart()
        case .help:
            openHelp()
            return []
        case .toggleFaults:
            guard isDemo else {
                show("fault injection is only available with --demo")
                return []
            }
            return [.setFaults(on: !faultsOn)]
        case .quit, .interrupt:
            return [.quit]
        case .suspend:
            return [.suspend]
        case .submit, .cancel, .deleteBackward, .eraseInput, .close, .earlier, .later, .bucketSize:
            return []
        }
    }

    /// Opens the help over the current mode; closing it comes back to the error pane if that
    /// is where it was opened.
    private mutating func openHelp() {
        helpReturn = mode == .error ? .error : .browse
        mode = .help
        helpScroll = 0
    }

    private mutating func move(by delta: Int) -> [Effect] {
        if focus == .detail {
            scrollDetail(by: max(-1000, min(1000, delta)))
            return []
        }
        stack[stack.count - 1].moveSelection(by: delta, listRows: listRows)
        detailScroll = 0
        return loadMoreIfNeeded()
    }

    private mutating func open() -> [Effect] {
        let level = current
        guard let data = level.data, let index = level.selectedIndex else { return [] }
        let row = level.visible[index]
        switch (level.kind, data) {
        case (.locations, .locations(let items)):
            return pushLevel(.stations(LocationRef(id: items[row].id, name: items[row].name ?? items[row].id)))
        case (.stations(let location), .stations(let items)):
            openConnectors(of: items[row], at: location)
            return []
        case (.fleetStations, .stations(let items)):
            let station = items[row]
            guard let uid = station.locationUid else {
                show("the API did not say where \(station.stationId) is, so its connectors cannot be refreshed", role: .warning)
                return []
            }
            openConnectors(of: station, at: LocationRef(id: uid, name: fleet.locationNames[uid] ?? station.location?.name ?? uid))
            return []
        case (.connectors(let location, let stationId), _):
            return pushLevel(.transactions(location, stationId: stationId))
        default:
            focus = .detail
            return []
        }
    }

    /// A station's connectors, shown at once from the station already loaded (the level then
    /// refreshes with its location's stations).
    private mutating func openConnectors(of station: Station, at location: LocationRef) {
        var next = makeLevel(.connectors(location, stationId: station.stationId))
        next.data = .connectors(station)
        next.load = .loaded(at: current.loadedAt ?? now)
        next.loadedAt = current.loadedAt
        next.refreshVisible(rollups: rollups, listRows: listRows)
        changedIDs = []
        stack.append(next)
        focus = .list
        detailScroll = 0
    }

    mutating func pushLevel(_ kind: LevelKind) -> [Effect] {
        changedIDs = []
        stack.append(makeLevel(kind))
        focus = .list
        detailScroll = 0
        return load(depth: stack.count - 1, .first) + loadHardware(depth: stack.count - 1)
    }

    private mutating func back() -> [Effect] {
        if focus == .detail {
            focus = .list
            return []
        }
        if !current.filter.isEmpty {
            stack[stack.count - 1].setFilter("", rollups: rollups, listRows: listRows)
            return []
        }
        if current.facet != nil || (current.problemsOnly && current.kind != .fleetStations) {
            stack[stack.count - 1].facet = nil
            if current.problemsOnly { stack[stack.count - 1].sortCache = nil }
            stack[stack.count - 1].problemsOnly = false
            stack[stack.count - 1].refreshVisible(rollups: rollups, listRows: listRows)
            return []
        }
        guard stack.count > 1 else { return cancelLoading() }
        detailScroll = 0
        changedIDs = []
        let effects = popLevel()
        relayout()
        return effects
    }

    func selectedLocation() -> LocationRef? {
        if let location = current.kind.location { return location }
        if current.kind == .fleetStations, case .stations(let items)? = current.data, let index = current.selectedIndex,
            let uid = items[current.visible[index]].locationUid
        {
            let station = items[current.visible[index]]
            return LocationRef(id: uid, name: fleet.locationNames[uid] ?? station.location?.name ?? uid)
        }
        guard case .locations(let items)? = current.data, let index = current.selectedIndex else { return nil }
        let item = items[current.visible[index]]
        return LocationRef(id: item.id, name: item.name ?? item.id)
    }

    private mutating func handleFilterKey(_ key: Key, _ action: Action?) -> [Effect] {
        var text = current.filter
        switch action {
        case .submit?:
            mode = .browse
            relayout()
            return []
        case .cancel?:
            mode = .browse
            text = ""
        case .deleteBackward?:
            text = String(text.dropLast())
        case .eraseInput?:
            text = ""
        case let movement? where [.moveUp, .moveDown, .pageUp, .pageDown].contains(movement):
            // Moving through the matches while typing.
            return perform(movement)
        default:
            guard case .character(let character) = key else { return [] }
            text.append(character)
        }
        stack[stack.count - 1].setFilter(text, rollups: rollups, listRows: listRows)
        return []
    }
}
