public import ChargEyeAPI
import Foundation

/// Identifies one request, so a reply can be matched to what asked for it (stale replies
/// are dropped).
public struct RequestID: Hashable, Sendable, CustomStringConvertible {
    public let value: Int

    public init(_ value: Int) {
        self.value = value
    }

    public var description: String { "#\(value)" }
}

/// A read the browser asks of the API.
public enum APIRequest: Equatable, Sendable {
    case locations
    case stations(locationUid: String)
    case transactions(stationId: String, cursor: TransactionCursor?)
    case vehicles(locationUid: String)
    /// The asset view of a location's stations (hardware, licence).
    case stationAssets(locationUid: String)
    /// Every station the caller can see (`FleetStatus`).
    case fleet

    /// `GET /locations`, for the error pane.
    public var line: String {
        switch self {
        case .locations: "GET /locations"
        case .stations(let uid): "GET /stations?locationUid=\(uid)"
        case .transactions(let id, _): "GET /chargingStations/\(id)/transactions"
        case .vehicles(let uid): "GET /vehicles?locationUid=\(uid)"
        case .stationAssets(let uid): "GET /locations/\(uid)/stations"
        case .fleet: "GET /stations"
        }
    }
}

/// What a request returned.
public enum APIResponse: Equatable, Sendable {
    /// The locations came in parts (`Message.loadedPart`); this many in all.
    case locationsStreamed(count: Int)
    case stations([Station])
    case transactions(TransactionPage)
    case vehicles([Vehicle])
    case stationAssets([StationAsset])
    case fleet(FleetStations)
}
