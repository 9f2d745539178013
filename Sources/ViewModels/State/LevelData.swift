public import ChargEyeAPI
import Foundation

/// The items of a level.
public enum LevelData: Equatable, Sendable {
    case locations(LocationTable)
    case stations(StationTable)
    case connectors(Station)
    case transactions([Transaction])
    case vehicles([Vehicle])

    /// How many items there are.
    public var count: Int {
        switch self {
        case .locations(let items): items.count
        case .stations(let items): items.count
        case .connectors(let station): station.connectors?.count ?? 0
        case .transactions(let items): items.count
        case .vehicles(let items): items.count
        }
    }

    /// The id of the item at `index` (connectors are unique only within their station).
    public func id(at index: Int) -> String {
        switch self {
        case .locations(let items): items.text(.id, at: index) ?? ""
        case .stations(let items): items.stationId(at: index)
        case .connectors(let station): station.connectors?[index].id ?? ""
        case .transactions(let items): items[index].txId
        case .vehicles(let items): items[index].id
        }
    }

    /// The first index into `indices` whose item has the id `id` (locations and stations
    /// compare ids as bytes, without making a string per item).
    public func firstIndex(ofID id: String, in indices: [Int]) -> Int? {
        switch self {
        case .locations(let items): return items.firstIndex(ofID: id, in: indices)
        case .stations(let items): return items.firstIndex(ofID: id, in: indices)
        default: return indices.firstIndex { self.id(at: $0) == id }
        }
    }

    /// A station's searchable fields.
    static func searchFields(of stations: StationTable, at index: Int, statuses: StationStatuses) -> [String?] {
        [
            stations.name(at: index), stations.stationId(at: index), statuses.status?.text, statuses.onlineStatus?.text,
            stations.locationName(at: index), stations.locationUid(at: index),
        ]
    }

    /// A location's search fields, in order. The first three (name, city, country) are also
    /// what the list sorts by, read from the search index.
    static let locationSearchFields: [LocationTable.TextField] = [.name, .city, .country, .address, .id, .locationId, .postalCode]

    /// The texts the filter searches: names, places and ids.
    func searchFields(at index: Int) -> [String?] {
        switch self {
        case .locations(let items):
            return Self.locationSearchFields.map { items.text($0, at: index) }
        case .stations(let items):
            return Self.searchFields(of: items, at: index, statuses: items.statuses(at: index))
        case .connectors(let station):
            let item = station.connectors?[index]
            return [item?.name, item?.id, item?.status?.text, item?._type?.text]
        case .transactions(let items):
            let item = items[index]
            return [item.txId, item.evseName, item.endReason?.text, item.status?.text, item.vehicle?.name]
        case .vehicles(let items):
            let item = items[index]
            return [item.name, item.id, item.evModel, item.licensePlate]
        }
    }
}
