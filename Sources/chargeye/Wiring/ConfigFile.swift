import ChargEyeAPI
import Foundation
import TOMLKit
import TerminalUI
import ViewModels

/// `$XDG_CONFIG_HOME/chargeye/config.toml` (default `~/.config/chargeye/config.toml`):
///
/// ```toml
/// default_profile = "production"
///
/// [profiles.production]
/// base_url = "https://kempower.io/api"
/// refresh_token_file = "~/.config/chargeye/production.token"
/// label = "Production"
/// timeout = 30
/// header_color = "red"
///
/// [keys]
/// moveDown = ["j", "Down", "Ctrl-N"]
/// ```
///
/// Top-level settings: `default_profile`, `refresh_interval` (seconds), `theme` (terminal,
/// dark, light, monochrome), `fleet_limit` (locations read one by one at most, when a server
/// refuses the fleet-wide station call).
struct ConfigFile: Decodable {
    /// One named connection.
    struct Profile: Decodable {
        var baseURL: String?
        var refreshTokenFile: String?
        var label: String?
        var timeout: Double?
        var headerColor: String?
        /// A PEM bundle of certificate authorities to trust besides the system's.
        var caFile: String?

        enum CodingKeys: String, CodingKey {
            case baseURL = "base_url"
            case refreshTokenFile = "refresh_token_file"
            case headerColor = "header_color"
            case caFile = "ca_file"
            case label, timeout
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            baseURL = try container.decodeIfPresent(String.self, forKey: .baseURL)
            refreshTokenFile = try container.decodeIfPresent(String.self, forKey: .refreshTokenFile)
            label = try container.decodeIfPresent(String.self, forKey: .label)
            headerColor = try container.decodeIfPresent(String.self, forKey: .headerColor)
            caFile = try container.decodeIfPresent(String.self, forKey: .caFile)
            timeout = try ConfigFile.number(container, .timeout)
        }
    }

    /// A number written either as `30` or as `30.5` (TOML keeps integers and floats apart).
    static func number<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws -> Double? {
        guard container.contains(key) else { return nil }
        if let integer = try? container.decode(Int.self, forKey: key) { return Double(integer) }
        return try container.decode(Double.self, forKey: key)
    }

    var defaultProfile: String?
    var profiles: [String: Profile]
    var refreshInterval: Double?
    var theme: String?
    var keys: [String: [String]]
    var fleetLimit: Int?

    enum CodingKeys: String, CodingKey {
        case defaultProfile = "default_profile"
        case refreshInterval = "refresh_interval"
        case fleetLimit = "fleet_limit"
        case profiles, theme, keys
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        defaultProfile = try container.decodeIfPresent(String.self, forKey: .defaultProfile)
        profiles = try container.decodeIfPresent([String: Profile].self, forKey: .profiles) ?? [:]
        refreshInterval = try Self.number(container, .refreshInterval)
        theme = try container.decodeIfPresent(String.self, forKey: .theme)
        keys = try container.decodeIfPresent([String: [String]].self, forKey: .keys) ?? [:]
        fleetLimit = try container.decodeIfPresent(Int.self, forKey: .fleetLimit)
    }

    private init() {
        defaultProfile = nil
        profiles = [:]
        keys = [:]
    }

    /// Where the file lives.
    static func path(environment: [String: String]) -> String {
        XDGDirectory.config.url(environment: environment).appendingPathComponent("config.toml").path
    }

    /// Reads the file; a missing file is an empty configuration, a malformed one a usage error
    /// naming the line.
    static func load(environment: [String: String]) throws -> ConfigFile {
        let path = path(environment: environment)
        guard let data = FileManager.default.contents(atPath: path) else { return ConfigFile() }
        let text = String(decoding: data, as: UTF8.self)
        let config: ConfigFile
        do {
            config = try TOMLDecoder(strictDecoding: true).decode(ConfigFile.self, from: text)
        } catch let error as TOMLParseError {
            throw UsageError("\(path):\(error.source.begin.line):\(error.source.begin.column): \(error.description)")
        } catch let error as UnexpectedKeysError {
            throw UsageError("\(path): unknown setting(s): \(error.keys.keys.sorted().joined(separator: ", "))")
        } catch let error as DecodingError {
            throw UsageError("\(path): \(Self.describe(error))")
        }
        try config.validate(path: path, text: text)
        return config
    }

    /// Checks values the TOML types cannot: themes, colours, intervals, profiles, key names.
    private func validate(path: String, text: String) throws {
        func fail(_ key: String, _ message: String) -> UsageError {
            let line = text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key) }.map { "\($0 + 1):" } ?? ""
            return UsageError("\(path):\(line) \(message)")
        }
        if let theme, Theme(rawValue: theme) == nil {
            throw fail("theme", "theme must be one of \(Theme.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(theme)\"")
        }
        if let refreshInterval, !(2...3600).contains(refreshInterval) {
            throw fail("refresh_interval", "refresh_interval must be between 2 and 3600 seconds")
        }
        if let fleetLimit, !FleetOptions.limitRange.contains(fleetLimit) {
            throw fail("fleet_limit", "fleet_limit must be between \(FleetOptions.limitRange.lowerBound) and \(FleetOptions.limitRange.upperBound) locations")
        }
        if let defaultProfile, profiles[defaultProfile] == nil {
            throw fail("default_profile", "default_profile \"\(defaultProfile)\" is not a [profiles.\(defaultProfile)] table")
        }
        for (name, profile) in profiles.sorted(by: { $0.key < $1.key }) {
            if let color = profile.headerColor, TerminalColor(rawValue: color) == nil {
                throw fail("header_color", "[profiles.\(name)] header_color must be one of \(TerminalColor.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let base = profile.baseURL, URL(string: base)?.host == nil {
                throw fail("base_url", "[profiles.\(name)] base_url \"\(base)\" is not a URL")
            }
        }
        do {
            _ = try KeyMap.standard.remapped(keys)
        } catch {
            let action = keys.keys.sorted().first { (try? KeyMap.standard.remapped([$0: keys[$0] ?? []])) == nil } ?? "keys"
            throw fail(action, error.description)
        }
    }

    /// What the browser takes from the file, for the profile in use.
    struct Settings: Sendable {
        var keyMap = KeyMap.standard
        var theme = Theme.terminal
        var headerColor: TerminalColor?
        var refreshInterval: Double?
        var fleetLimit: Int?
    }

    func settings(profile: Profile?) -> Settings {
        Settings(
            keyMap: (try? KeyMap.standard.remapped(keys)) ?? .standard,
            theme: theme.flatMap(Theme.init(rawValue:)) ?? .terminal,
            headerColor: profile?.headerColor.flatMap(TerminalColor.init(rawValue:)),
            refreshInterval: refreshInterval,
            fleetLimit: fleetLimit
        )
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "wrong type for `\(key)`"
        case .keyNotFound(let key, _):
            return "missing `\(key.stringValue)`"
        @unknown default:
            return "unreadable"
        }
    }
}
