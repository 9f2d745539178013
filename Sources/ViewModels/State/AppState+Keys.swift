import ChargEyeAPI
import Foundation

extension AppState {
    /// Routes a key by mode: text entry first, then overlays, then the key map.
    mutating func handle(_ key: Key) -> [Effect] {
        switch mode {
        case .filtering: return handleFilterKey(key)
        case .consoleInput: return handleConsoleInputKey(key)
        case .console: return handleConsoleKey(key)
        case .requestLog: return handleRequestLogKey(key)
        case .help:
            if keyMap.action(for: key) == .quit, key == .control("c") { return [.quit] }
            if scrollHelp(keyMap.action(for: key)) { return [] }
            mode = .browse
            return []
        case .browse:
            guard let action = keyMap.action(for: key) else { return [] }
            return perform(action)
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
            return [.relayout]
        case .toggleDetail:
            detailHidden.toggle()
            focus = .list
            show(detailHidden ? "detail pane hidden (d shows it)" : "detail pane shown")
            return [.relayout]
        case .filter:
            mode = .filtering
            focus = .list
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
        case .retry: return retryFailed()
        case .reload:
            failure = nil
            return load(depth: stack.count - 1)
        case .pauseLive:
            livePaused.toggle()
            show(livePaused ? "live refresh paused (p resumes)" : "live refresh resumed, every \(Int(refreshInterval)) s", role: livePaused ? .warning : .ok)
            return livePaused ? [] : refreshLiveIfDue()
        case .refreshToken:
            if let earliest = token?.earliestRenewal, earliest > now {
                show("token not renewed: renewals are spaced out (\(ChargEyeError.duration(earliest.timeIntervalSince(now))) to go)", role: .warning)
                return []
            }
            return [.refreshToken]
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
            return push(.vehicles(location))
        case .help:
            mode = .help
            helpScroll = 0
            return []
        case .toggleFaults:
            guard isDemo else {
                show("fault injection is only available with --demo")
                return []
            }
            return [.setFaults(on: !faultsOn)]
        case .quit:
            return [.quit]
        }
    }

    private mutating func move(by delta: Int) -> [Effect] {
        if focus == .detail {
            detailScroll = max(0, detailScroll + max(-1000, min(1000, delta)))
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
            return push(.stations(LocationRef(id: items[row].id, name: items[row].name ?? items[row].id)))
        case (.stations(let location), .stations(let items)):
            var next = Level(kind: .connectors(location, stationId: items[row].stationId))
            next.data = .connectors(items[row])
            next.phase = .loaded(at: now)
            next.loadedAt = level.loadedAt
            next.refreshVisible(rollups: rollups, listRows: listRows)
            changedIDs = []
            stack.append(next)
            focus = .list
            detailScroll = 0
            return []
        case (.connectors(let location, let stationId), _):
            return push(.transactions(location, stationId: stationId))
        default:
            focus = .detail
            return []
        }
    }

    private mutating func push(_ kind: LevelKind) -> [Effect] {
        changedIDs = []
        stack.append(Level(kind: kind))
        focus = .list
        detailScroll = 0
        return load(depth: stack.count - 1)
    }

    private mutating func back() -> [Effect] {
        if failure != nil {
            failure = nil
            return []
        }
        if focus == .detail {
            focus = .list
            return []
        }
        if !current.filter.isEmpty {
            stack[stack.count - 1].setFilter("", rollups: rollups, listRows: listRows)
            return []
        }
        if current.facet != nil {
            stack[stack.count - 1].facet = nil
            stack[stack.count - 1].refreshVisible(rollups: rollups, listRows: listRows)
            return []
        }
        guard stack.count > 1 else { return cancelLoading() }
        let abandoned = stack.removeLast()
        detailScroll = 0
        changedIDs = []
        retry = nil
        return [abandoned.phase.requestID, abandoned.pageLoading].compactMap { $0 }.map(Effect.cancel)
    }

    /// Esc while the top list loads: stops the call (retries included) and keeps what is shown.
    private mutating func cancelLoading() -> [Effect] {
        guard let id = current.phase.requestID else { return [] }
        let depth = stack.count - 1
        stack[depth].phase = stack[depth].loadedAt.map { .loaded(at: $0) } ?? .idle
        if liveRequest == id { liveRequest = nil }
        retry = nil
        show("cancelled \(current.kind.request.line); Ctrl-R loads it again", role: .warning)
        return [.cancel(id)]
    }

    private func selectedLocation() -> LocationRef? {
        if let location = current.kind.location { return location }
        guard case .locations(let items)? = current.data, let index = current.selectedIndex else { return nil }
        let item = items[current.visible[index]]
        return LocationRef(id: item.id, name: item.name ?? item.id)
    }

    private mutating func handleFilterKey(_ key: Key) -> [Effect] {
        var text = current.filter
        switch key {
        case .enter:
            mode = .browse
            return []
        case .escape:
            mode = .browse
            text = ""
        case .backspace, .delete:
            text = String(text.dropLast())
        case .control("u"):
            text = ""
        case .control("c"):
            return [.quit]
        case .up, .down, .pageUp, .pageDown:
            mode = .browse
            let effects = handle(key)
            mode = .filtering
            return effects
        case .character(let character):
            text.append(character)
        default:
            return []
        }
        stack[stack.count - 1].setFilter(text, rollups: rollups, listRows: listRows)
        return []
    }
}
