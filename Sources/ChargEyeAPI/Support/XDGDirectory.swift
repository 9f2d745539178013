public import Foundation

/// chargeye's folders under the XDG base directories: `$XDG_<KIND>_HOME/chargeye`, or the
/// standard default under `$HOME` when the variable is unset or not an absolute path.
public enum XDGDirectory: String, Sendable {
    case config, cache, state

    /// The folder for this kind, e.g. `~/.cache/chargeye`.
    public func url(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let variable = "XDG_\(rawValue.uppercased())_HOME"
        if let base = environment[variable], base.hasPrefix("/") {
            return URL(fileURLWithPath: base).appendingPathComponent("chargeye")
        }
        let fallback = [XDGDirectory.config: ".config", .cache: ".cache", .state: ".local/state"][self] ?? ".config"
        return URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(fallback).appendingPathComponent("chargeye")
    }
}
