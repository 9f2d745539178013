import ChargEyeAPI
import Foundation

extension AppState {
    mutating func handleRequestLogKey(_ key: Key) -> [Effect] {
        let page = max(1, height - 8)
        switch key {
        case .escape, .backspace, .character("q"), .character("L"):
            if requestLog.showsDetail, key == .escape || key == .backspace {
                requestLog.showsDetail = false
            } else {
                mode = .browse
            }
            return []
        case .enter:
            requestLog.showsDetail.toggle()
            return []
        case .character("c"):
            guard requestLog.records.indices.contains(requestLog.selected) else { return [] }
            return [.copyToClipboard(requestLog.records[requestLog.selected].curlCommand)]
        case .control("c"):
            return [.quit]
        default:
            var index = requestLog.selected
            switch keyMap.action(for: key) {
            case .moveUp: index -= 1
            case .moveDown: index += 1
            case .pageUp: index -= page
            case .pageDown: index += page
            case .top: index = 0
            case .bottom: index = requestLog.records.count - 1
            default: return []
            }
            requestLog.selected = max(0, min(index, requestLog.records.count - 1))
            return []
        }
    }
}
