import ChargEyeAPI
import Foundation

/// The request log overlay: recent API calls, or one in full.
public struct RequestLogPane: Equatable, Sendable {
    public var title: String
    public var columns: [String]
    /// Each column's width; the path takes what the others leave.
    public var columnWidths: [Int]
    /// The columns aligned right: the numbers (MS, TRY, BYTES).
    public static let rightAligned = 4...6
    /// The width of the labels when one call is shown in full.
    public static let detailLabelWidth = 9
    public var rows: [[String]]
    public var roles: [Role]
    /// Index (into `rows`) of the selected call.
    public var selected: Int
    /// The selected call in full, when Enter was pressed.
    public var detail: [DetailPane.Line]?
    /// The key that closes the log, for its frame ("Esc closes").
    public var closeHint: String
}

extension AppState {
    /// The request log, when open.
    public var requestLogPane: RequestLogPane? {
        guard mode == .requestLog else { return nil }
        let records = requestLog.records
        let rows = records.map { record -> [String] in
            [Format.timeOfDay(record.at, zone: timeZone), record.method, record.path, record.outcome,
             "\(record.milliseconds)", record.isReplay ? "\(record.attempt)r" : "\(record.attempt)", record.bytes.map(String.init) ?? ""]
        }
        let roles = records.map { record -> Role in
            if record.outcome == RequestRecord.cancelled { return .dim }
            guard let status = record.status else { return .critical }
            return status >= 500 ? .critical : status >= 400 ? .warning : .normal
        }
        var detail: [DetailPane.Line]?
        if requestLog.showsDetail, records.indices.contains(requestLog.selected) {
            let record = records[requestLog.selected]
            detail = [
                .init(label: "time", value: Format.clock(record.at, zone: timeZone, seconds: true), role: .normal),
                .init(label: "request", value: "\(record.method) \(record.path)", role: .normal),
                .init(label: "outcome", value: record.outcome, role: roles[requestLog.selected]),
                .init(label: "duration", value: "\(record.milliseconds) ms", role: .normal),
                .init(label: "attempt", value: "\(record.attempt)\(record.isReplay ? " (replay after token renewal)" : "")", role: .normal),
                .init(label: "bytes", value: record.bytes.map(String.init) ?? "unknown", role: .normal),
                .init(label: "curl", value: record.curlCommand, role: .accent),
                .init(label: "", value: "\(keyName(.copyID)) copies the curl command; the token is left as an environment variable", role: .dim),
            ]
        }
        return RequestLogPane(
            title: "Requests \(records.isEmpty ? 0 : requestLog.selected + 1)/\(records.count)",
            columns: ["TIME", "METHOD", "PATH", "RESULT", "MS", "TRY", "BYTES"],
            columnWidths: Self.requestLogWidths(for: layout.requestLogRows.width),
            rows: rows, roles: roles, selected: requestLog.selected, detail: detail,
            closeHint: "\(keyName(.back)) closes"
        )
    }

    /// TIME, METHOD, PATH, RESULT, MS, TRY, BYTES: fixed widths, the path the rest.
    private static func requestLogWidths(for width: Int) -> [Int] {
        let fixed = [8, 6, 0, 16, 6, 3, 8]
        let path = max(8, width - fixed.reduce(0, +) - fixed.count)
        return fixed.map { $0 == 0 ? path : $0 }
    }
}
