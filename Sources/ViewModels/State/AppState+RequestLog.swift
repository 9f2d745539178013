import ChargEyeAPI
import Foundation

extension AppState {
    mutating func handleRequestLogKey(_ action: Action?) -> [Effect] {
        let page = max(1, layout.requestLogRows.height)
        var index = requestLog.selected
        switch action {
        case .back? where requestLog.showsDetail:
            requestLog.showsDetail = false
            return []
        case .back?, .close?, .requestLog?:
            mode = .browse
            return []
        case .open?:
            requestLog.showsDetail.toggle()
            return []
        case .copyID?:
            guard requestLog.records.indices.contains(requestLog.selected) else { return [] }
            return [.copyToClipboard(requestLog.records[requestLog.selected].curlCommand)]
        case .moveUp?: index -= 1
        case .moveDown?: index += 1
        case .pageUp?: index -= page
        case .pageDown?: index += page
        case .top?: index = 0
        case .bottom?: index = requestLog.records.count - 1
        default: return []
        }
        requestLog.selected = max(0, min(index, requestLog.records.count - 1))
        return []
    }
}
