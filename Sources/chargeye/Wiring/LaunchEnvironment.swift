import Foundation

/// The environment chargeye was started with, read once. The refresh token variable is then
/// removed from the live environment, so no child process (a shell escape, a helper a library
/// starts) can inherit the credential.
enum LaunchEnvironment {
    /// The variables as they were at start.
    static let values: [String: String] = ProcessInfo.processInfo.environment

    /// Takes the snapshot and removes the secret from the live environment.
    static func takeAndScrub() {
        _ = values
        unsetenv("CHARGEYE_REFRESH_TOKEN")
    }
}
