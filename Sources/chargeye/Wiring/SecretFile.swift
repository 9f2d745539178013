import ChargEyeAPI
import Foundation

/// Reads a refresh token from a file, warning when others could read it too.
enum SecretFile {
    static func read(_ path: String, warn: (String) -> Void) throws -> Secret {
        let expanded = NSString(string: path).expandingTildeInPath
        var info = stat()
        guard stat(expanded, &info) == 0, let data = FileManager.default.contents(atPath: expanded) else {
            throw UsageError("cannot read the refresh token file \(expanded): \(String(cString: strerror(errno)))")
        }
        if info.st_mode & 0o077 != 0 {
            warn("warning: \(expanded) can be read by group or others (mode \(String(info.st_mode & 0o777, radix: 8))); run `chmod 600 \(expanded)`")
        }
        let secret = Secret(String(decoding: data, as: UTF8.self))
        guard !secret.isEmpty else { throw UsageError("the refresh token file \(expanded) is empty") }
        return secret
    }
}
