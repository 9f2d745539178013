import ChargEyeText
import ChargEyeAPI
import Foundation

extension AppState {
    /// Applies one message and returns the effects to run. Pure: no I/O, no clock reads.
    public mutating func update(_ message: Message) -> [Effect] {
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
            show(on ? "fault injection ON: calls fail at random (x to stop)" : "fault injection OFF", role: on ? .warning : .ok)
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
        case .warning(let id, let text):
            // A warning about a call nobody waits for any more is in the log file only.
            if id == nil || id.flatMap({ requests[$0] }) != nil { show(text, role: .warning, seconds: 10) }
            return []
        }
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
        case .wheel(let up):
            if focus == .detail {
                detailScroll = max(0, detailScroll + (up ? -3 : 3))
                return []
            }
            stack[stack.count - 1].moveSelection(by: up ? -3 : 3, listRows: listRows)
            return loadMoreIfNeeded()
        case .listRowClicked(let row):
            focus = .list
            stack[stack.count - 1].select(screenRow: row, listRows: listRows)
            detailScroll = 0
            return loadMoreIfNeeded()
        case .detailClicked:
            focus = .detail
            return []
        }
    }
}
