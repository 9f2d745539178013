import Foundation
import TOMLKit

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
/// ```
struct ConfigFile: Decodable {
    /// One named connection.
    struct Profile: Decodable {
        var baseURL: String?
        var refreshTokenFile: String?
        var label: String?
        var timeout: Double?

        enum CodingKeys: String, CodingKey {
            case baseURL = "base_url"
            case refreshTokenFile = "refresh_token_file"
            case label, timeout
        }
    }

    var defaultProfile: String?
    var profiles: [String: Profile]

    enum CodingKeys: String, CodingKey {
        case defaultProfile = "default_profile"
        case profiles
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        defaultProfile = try container.decodeIfPresent(String.self, forKey: .defaultProfile)
        profiles = try container.decodeIfPresent([String: Profile].self, forKey: .profiles) ?? [:]
    }

    private init() {
        defaultProfile = nil
        profiles = [:]
    }

    /// Where the file lives.
    static func path(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/chargeye/config.toml" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/chargeye/config.toml"
    }

    /// Reads the file; a missing file is an empty configuration, a malformed one a usage error
    /// naming the line.
    static func load(environment: [String: String]) throws -> ConfigFile {
        let path = path(environment: environment)
        guard let data = FileManager.default.contents(atPath: path) else { return ConfigFile() }
        let text = String(decoding: data, as: UTF8.self)
        do {
            return try TOMLDecoder(strictDecoding: true).decode(ConfigFile.self, from: text)
        } catch let error as TOMLParseError {
            throw UsageError("\(path):\(error.source.begin.line):\(error.source.begin.column): \(error.description)")
        } catch let error as UnexpectedKeysError {
            throw UsageError("\(path): unknown setting(s): \(error.keys.keys.sorted().joined(separator: ", "))")
        } catch let error as DecodingError {
            throw UsageError("\(path): \(Self.describe(error))")
        }
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
