public import Foundation
import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The on-disk JWT cache: one file per (base URL, refresh token) pair, in a private directory.
///
/// The directory is created 0700 and each file 0600, set explicitly whatever the umask. A file
/// that group or others could read, or that belongs to another user, is ignored with a warning.
/// The refresh token itself is never written: files are named and checked by a SHA-256 of it.
public struct TokenCache: Sendable {
    /// The directory holding cache files.
    public let directory: URL
    /// The file for this base URL and refresh token.
    public let file: URL
    private let baseURL: String
    private let refreshTokenHash: String
    private let warn: @Sendable (String) -> Void

    /// `$XDG_CACHE_HOME/chargeye`, or `~/.cache/chargeye`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        XDGDirectory.cache.url(environment: environment)
    }

    /// Creates the cache for one base URL and refresh token.
    public init(directory: URL, baseURL: URL, refreshToken: Secret, warn: @escaping @Sendable (String) -> Void) {
        self.directory = directory
        self.baseURL = baseURL.absoluteString
        self.refreshTokenHash = Self.sha256(refreshToken.value)
        self.file = directory.appendingPathComponent("token-\(Self.sha256(self.baseURL + "\n" + refreshTokenHash).prefix(32)).json")
        self.warn = warn
    }

    private struct Entry: Codable {
        var baseURL: String
        var refreshTokenSHA256: String
        var accessToken: AccessToken
    }

    /// The cached token, if there is a trustworthy one that has not expired.
    public func load(now: Date) -> AccessToken? {
        var info = stat()
        guard lstat(file.path, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            warn("ignoring token cache \(file.path): not a regular file")
            return nil
        }
        guard info.st_uid == getuid() else {
            warn("ignoring token cache \(file.path): owned by another user")
            return nil
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            warn("ignoring token cache \(file.path): group/others can read it (mode \(String(mode, radix: 8))); run `chmod 600` on it or delete it")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file.path),
            let entry = JSONNesting.decode(Entry.self, from: data, using: Self.decoder),
            entry.baseURL == baseURL, entry.refreshTokenSHA256 == refreshTokenHash,
            entry.accessToken.expiresAt > now
        else { return nil }
        return entry.accessToken
    }

    /// Writes the token (0600 file in a 0700 directory, atomically replaced).
    public func store(_ token: AccessToken) throws {
        try PrivateFiles.makeDirectory(directory)
        let entry = Entry(baseURL: baseURL, refreshTokenSHA256: refreshTokenHash, accessToken: token)
        try PrivateFiles.writeAtomically(try Self.encoder.encode(entry), to: file.path)
    }

    /// Deletes the cached token (after the server rejected it).
    public func remove() {
        unlink(file.path)
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
