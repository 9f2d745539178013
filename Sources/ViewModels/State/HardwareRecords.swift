public import ChargEyeAPI

/// The asset records of a stations level's stations (model, firmware, serial number, licence),
/// asked for once when the level opens, beside the live view, which never waits for them. A
/// failure (a tenant without access to the asset view, say) only shows in the station detail.
public enum HardwareRecords: Equatable, Sendable {
    case notAsked
    case loading
    /// By station id.
    case loaded([String: StationAsset])
    /// Why they could not be read, in a few words.
    case failed(String)
}
