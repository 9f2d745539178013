import ChargEyeText
public import ChargEyeAPI
public import Foundation

/// A status transition seen between two refreshes of a live view:
/// "KEM-HEL-001-S01 connector 3: Charging → Faulted".
public struct StatusEvent: Equatable, Sendable {
    public var at: Date
    public var text: String
    /// The list row that changed (a station id, or a connector id within its station).
    public var rowID: String

    /// The transitions between two versions of the same level's data.
    static func transitions(from before: LevelData, to after: LevelData, at time: Date) -> [StatusEvent] {
        switch (before, after) {
        case (.stations(let old), .stations(let new)):
            let previous = Dictionary(old.indices.map { (old.stationId(at: $0), $0) }, uniquingKeysWith: { first, _ in first })
            return new.withoutSessions.flatMap { station in
                previous[station.stationId].map {
                    changes(from: old.station(at: $0, withSessions: false), to: station, at: time, rowID: station.stationId)
                } ?? []
            }
        case (.connectors(let old), .connectors(let new)):
            return changes(from: old, to: new, at: time, rowID: nil)
        default:
            return []
        }
    }

    private static func changes(from old: Station, to new: Station, at time: Date, rowID: String?) -> [StatusEvent] {
        let name = TextSanitizer.singleLine(new.stationId, limit: 60)
        var events: [StatusEvent] = []
        func note(_ what: String, _ from: String?, _ to: String?, row: String) {
            guard let from, let to, from != to else { return }
            events.append(StatusEvent(at: time, text: "\(what): \(TextSanitizer.singleLine(from, limit: 30)) → \(TextSanitizer.singleLine(to, limit: 30))", rowID: row))
        }
        note(name, old.status?.text, new.status?.text, row: rowID ?? "")
        note(name, old.onlineStatus?.text, new.onlineStatus?.text, row: rowID ?? "")
        let previous = Dictionary((old.connectors ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for connector in new.connectors ?? [] {
            note("\(name) connector \(TextSanitizer.singleLine(connector.id, limit: 20))", previous[connector.id]?.status?.text, connector.status?.text, row: rowID ?? connector.id)
        }
        return events
    }
}
