import ChargEyeText
import ChargEyeAPI
import Foundation

extension AppState {
    /// Applies one message and returns the effects to run. Pure: no I/O, no clock reads.
    ///
    /// A message about a request nobody waits for any more (a late reply, part, retry notice or
    /// warning of a cancelled or superseded call) is dropped here, and only here.
    public mutating func update(_ message: Message) -> [Effect] {
        if let id = message.awaitedRequest, requests[id] == nil { return [] }
        switch message {
        case .keyPressed(let key):
            return handle(key)
        case .mouse(let event):
            return handle(event)
        case .resized(let width, let height):
            self.width = width
            self.height = height
            relayout()
            return []
        case .tick(let date):
            now = date
            if let notice, notice.until <= now { self.notice = nil }
            return refreshLiveIfDue()
        case .loaded(let id, let result):
            return receive(id, result)
        case .loadedPart(let id, let part):
            receivePart(id, part)
            return []
        case .fleetProgress(let id, let progress):
            receiveFleetProgress(id, progress)
            return []
        case .tokenChanged(let state):
            if let previous = token?.validUntil, let next = state.validUntil, next > previous, !state.isRefreshing {
                show("token renewed, valid until \(Format.timeOfDay(next, zone: timeZone))", role: .ok, seconds: 10)
            }
            if let failure = state.lastFailure, token?.lastFailure == nil {
                show("token renewal failed: \(failure.shortReason)", role: .warning, seconds: 10)
            }
            token = state
            return []
        case .retryScheduled(let id, let event):
            requests.noteRetry(event, for: id)
            return []
        case .tokenRenewed(let id):
            _ = requests.finish(id)
            return []
        case .consoleAnswered(let id, let result):
            receiveConsole(id, result)
            return []
        case .faultsSwitched(let on):
            faultsOn = on
            show(on ? "fault injection ON: calls fail at random (\(keyName(.toggleFaults)) to stop)" : "fault injection OFF", role: on ? .warning : .ok)
            return []
        case .copied(let text):
            // Multi-line copies (the hand-off) are announced by whoever asked for them.
            if !text.contains("\n") { show("copied \(text)", role: .ok) }
            return []
        case .handoffWritten(let path, let text):
            show("hand-off written to \(path) and copied (OSC 52)", role: .ok, seconds: 10)
            return [.copyToClipboard(text)]
        case .requestLogged(_, let record):
            // Kept whether or not anyone still waits for the call: the log is history.
            let following = requestLog.selected >= requestLog.records.count - 1
            requestLog.records.append(record)
            if requestLog.records.count > RequestLog.limit {
                requestLog.records.removeFirst(requestLog.records.count - RequestLog.limit)
                requestLog.selected = max(0, requestLog.selected - 1)
            }
            if following { requestLog.selected = requestLog.records.count - 1 }
            return []
        case .warning(_, let text):
            show(text, role: .warning, seconds: 10)
            return []
        case .usageStations(_, let ids, let connectors):
            usage?.expect(ids, connectors: connectors)
            return []
        case .usagePage(_, let history):
            usage?.add(history)
            return []
        case .usageEnded(let id, let failure):
            _ = requests.finish(id)
            usage?.end(failure: failure)
            return []
        }
    }

    /// Scrolls the detail pane, stopping where its last line shows.
    mutating func scrollDetail(by delta: Int) {
        let maximum = max(0, detailPane.lines.count - layout.detailText.height)
        detailScroll = max(0, min(detailScroll + delta, maximum))
    }

    /// Fits the state to a new size or pane arrangement: selections stay on screen, the console
    /// is wrapped to its new width.
    mutating func relayout() {
        for depth in stack.indices { stack[depth].keepSelectionVisible(listRows: listRows) }
        rewrapConsole()
    }

    mutating func show(_ text: String, role: Role = .normal, seconds: TimeInterval = 4) {
        notice = Notice(text: TextSanitizer.singleLine(text, limit: 300), role: role, until: now.addingTimeInterval(seconds))
    }

    private mutating func handle(_ event: MouseEvent) -> [Effect] {
        guard mode == .browse || mode == .filtering else { return [] }
        switch event {
        case .wheel(let up, let column, let row):
            let step = up ? -Layout.wheelStep : Layout.wheelStep
            if layout.detail.contains(x: column, y: row) {
                scrollDetail(by: step)
                return []
            }
            stack[stack.count - 1].moveSelection(by: step, listRows: listRows)
            return loadMoreIfNeeded()
        case .click(let column, let row):
            let layout = layout
            if let listRow = layout.listRow(atY: row, x: column) {
                focus = .list
                stack[stack.count - 1].select(screenRow: listRow, listRows: listRows)
                detailScroll = 0
                return loadMoreIfNeeded()
            }
            if layout.detail.contains(x: column, y: row) { focus = .detail }
            return []
        }
    }
}
