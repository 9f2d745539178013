import ChargEyeAPI
import ChargEyeFleet
import Foundation

/// The top level's two views, Locations and every Station of the fleet (`S`), the problems
/// filter (`!`) and the jump from a station to its location (`o`).
extension AppState {
    /// Swaps the top level for the other view, from any depth (the levels above are left, their
    /// calls cancelled). Each view keeps its selection, scroll, filter and sort; the one left
    /// stops loading. The Stations view starts from the fleet read already made when there is
    /// one, and reloads itself like a live view.
    mutating func switchRootView() -> [Effect] {
        var effects: [Effect] = []
        while stack.count > 1 { effects += popLevel() }
        if let id = stack[0].load.requestID {
            if stack[0].kind == .fleetStations, fleet.requestID == nil {
                // The Stations view's read goes on in the background for the roll-ups.
                requests.repurpose(id, to: .fleet)
                fleet.requestID = id
                // Rows of a first read still arriving are not a list to come back to.
                if stack[0].isStreaming { stack[0].data = nil }
                stack[0].load = stack[0].data == nil ? .idle : .loaded(at: stack[0].loadedAt ?? now)
            } else if requests.finish(id) != nil {
                effects.append(.cancel(id))
                stack[0].load = .cancelled(at: now, partial: stack[0].isStreaming)
            }
        }
        let leaving = stack[0]
        var arriving = otherRoot ?? makeLevel(leaving.kind == .locations ? .fleetStations : .locations)
        otherRoot = leaving
        changedIDs = []
        focus = .list
        detailScroll = 0
        if arriving.kind == .fleetStations, let loadedAt = fleet.loadedAt, loadedAt > (arriving.loadedAt ?? .distantPast) {
            // The background read is newer than what this view last showed.
            arriving.data = .stations(fleet.stations)
            arriving.load = .loaded(at: loadedAt)
            arriving.loadedAt = loadedAt
            arriving.failuresInARow = 0
        }
        stack[0] = arriving
        stack[0].refreshVisible(rollups: rollups, listRows: listRows)
        relayout()
        if arriving.kind == .fleetStations, let id = fleet.requestID {
            // A background read under way becomes this view's.
            requests.repurpose(id, to: .level(arriving.id, arriving.data == nil ? .first : .live))
            fleet.requestID = nil
            stack[0].load = .loading(InFlight(id: id, reason: arriving.data == nil ? .first : .live, showsPartialData: arriving.isIncomplete))
        } else if arriving.data == nil || arriving.load.isCancelled {
            // Never loaded, or stopped when this view was left.
            effects += load(depth: 0, arriving.data == nil ? .first : .reload)
        }
        let other = keyName(.switchView)
        show(arriving.kind == .fleetStations ? "every station of the fleet, worst first (\(other): locations)" : "locations (\(other): every station)")
        return effects
    }

    /// Narrows a list of stations to those that need attention (faulted, offline, unavailable,
    /// or a connector faulted or unavailable), worst and longest quiet first; again shows all.
    mutating func toggleProblems() -> [Effect] {
        guard case .stations? = current.data else {
            show("only lists of stations have problems to narrow to (\(keyName(.switchView)): every station)")
            return []
        }
        let depth = stack.count - 1
        stack[depth].problemsOnly.toggle()
        stack[depth].sortCache = nil  // a location's stations order by attention while it is on
        if stack[depth].problemsOnly, let status = stack[depth].kind.sortKeys.firstIndex(of: .status) {
            stack[depth].sortIndex = status
        }
        stack[depth].refreshVisible(rollups: rollups, listRows: listRows)
        relayout()
        show(stack[depth].problemsOnly ? "only stations with problems (\(keyName(.problems)) shows all)" : "all stations")
        return []
    }

    /// From the Stations view: the selected station's location, opened on the Locations view
    /// with the station selected.
    mutating func openStationLocation() -> [Effect] {
        guard current.kind == .fleetStations, case .stations(let items)? = current.data, let index = current.selectedIndex else {
            show("\(keyName(.openLocation)) goes from a station of the Stations view (\(keyName(.switchView))) to its location")
            return []
        }
        let station = items[current.visible[index]]
        guard let uid = station.locationUid else {
            show("the API did not say where \(station.stationId) is", role: .warning)
            return []
        }
        var effects = switchRootView()
        if case .locations(let table)? = stack[0].data, let index = table.indices.first(where: { table.text(.id, at: $0) == uid }),
            !stack[0].visible.contains(index)
        {
            // The filter or status narrowing hides the location: show everything again.
            stack[0].setFilter("", rollups: rollups, listRows: listRows)
            stack[0].facet = nil
        }
        stack[0].choose(uid)
        stack[0].refreshVisible(rollups: rollups, listRows: listRows)
        let name = fleet.locationNames[uid] ?? station.location?.name ?? uid
        effects += pushLevel(.stations(LocationRef(id: uid, name: name)))
        stack[stack.count - 1].choose(station.stationId)
        return effects
    }
}
