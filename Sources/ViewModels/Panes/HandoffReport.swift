import ChargEyeText
import ChargEyeAPI
import Foundation

extension AppState {
    /// A plain-text account of what the user sees, for support: the view and selected item,
    /// the current error, the last 20 requests, token validity, version and terminal. It holds
    /// no token or refresh token (requests carry no headers; the token only its times).
    public var handoffReport: String {
        var lines = ["chargeye support hand-off", "written: \(Format.clock(now, zone: timeZone, seconds: true)) (\(timeZone.identifier))"]
        lines.append("about: \(about)")
        lines.append("connection: \(connectionLabel)\(isDemo ? " (demo)" : "")")
        lines.append("terminal: \(width)x\(height)")
        if let validUntil = token?.validUntil {
            lines.append("token: valid until \(Format.clock(validUntil, zone: timeZone, seconds: true)), \(TokenCountdown(state: token, now: now).text)")
        } else {
            lines.append("token: \(TokenCountdown(state: token, now: now).text)")
        }
        lines += ["", "view: \(header.breadcrumb)", "list: \(listPane.title) \(listPane.position) \(listPane.badges.map(\.text).joined(separator: " "))"]
        let detail = detailPane
        lines.append("selected: \(detail.title)")
        lines += detail.lines.filter { $0.gauge == nil }.map { $0.label.isEmpty ? "  \($0.value)" : "  \($0.label): \($0.value)" }
        lines += ["", "current error:"]
        if let failure = current.load.failure {
            let pane = errorPane(for: failure)
            lines += ["  \(pane.title)"] + pane.lines.map { "  \($0.text)" }
        } else {
            lines.append("  none")
        }
        lines += ["", "last requests:"]
        let recent = requestLog.records.suffix(20)
        if recent.isEmpty { lines.append("  none") }
        for record in recent {
            lines.append("  \(Format.clock(record.at, zone: timeZone, seconds: true)) \(record.method) \(record.path) -> \(record.outcome) \(record.milliseconds) ms attempt \(record.attempt)\(record.isReplay ? " (replay)" : "")")
        }
        return lines.map { String(TextSanitizer.clean($0).prefix(500)) }.joined(separator: "\n") + "\n"
    }
}
