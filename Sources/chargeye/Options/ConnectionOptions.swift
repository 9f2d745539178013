import ArgumentParser
import Foundation

/// The options every command accepts (before or after the subcommand name): where the API is,
/// how to authenticate, and how to log. The refresh token itself is never an argument, since
/// arguments show in `ps`.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("ChargEye API base URL. [env: CHARGEYE_BASE_URL] [default: https://kempower.io/api]", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Read the refresh token from this file (or set CHARGEYE_REFRESH_TOKEN). [env: CHARGEYE_REFRESH_TOKEN_FILE]", valueName: "path"))
    var refreshTokenFile: String?

    @Option(help: ArgumentHelp("Trust the certificate authorities in this PEM file besides the system's (a private CA, or a proxy's that inspects TLS). [env: CHARGEYE_CA_FILE]", valueName: "path"))
    var caFile: String?

    @Option(help: ArgumentHelp("Use a profile from $XDG_CONFIG_HOME/chargeye/config.toml.", valueName: "name"))
    var profile: String?

    @Flag(help: "Use the built-in simulator on a loopback port: no network, no account.")
    var demo = false

    @Option(help: ArgumentHelp("With --demo: lifetime of the simulator's tokens, in seconds.", valueName: "seconds"))
    var tokenTTL: Int?

    @Option(help: ArgumentHelp("With --demo: how many locations the simulator has (default 40, up to 100000).", valueName: "n"))
    var demoLocations: Int?

    @Option(help: ArgumentHelp("Append a log of requests and token events to this file.", valueName: "path"))
    var logFile: String?

    @Flag(name: .shortAndLong, help: "Log debug detail (to --log-file, else to stderr).")
    var verbose = false

    @Flag(help: "Keep the access token in memory only; do not read or write the token cache.")
    var noTokenCache = false

    @Option(help: ArgumentHelp("Seconds to wait for each response.", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Largest response accepted, in MiB.", valueName: "mib"))
    var maxResponseMB: Int?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= 3600) {
            throw ValidationError("--timeout must be between 0 and 3600 seconds")
        }
        if let maxResponseMB, !(1...4096).contains(maxResponseMB) {
            throw ValidationError("--max-response-mb must be between 1 and 4096")
        }
        if let tokenTTL, !demo || tokenTTL < 10 {
            throw ValidationError(demo ? "--token-ttl must be at least 10 seconds" : "--token-ttl only applies with --demo")
        }
        if let demoLocations, !demo || !(1...100_000).contains(demoLocations) {
            throw ValidationError(demo ? "--demo-locations must be between 1 and 100000" : "--demo-locations only applies with --demo")
        }
        if demo, baseURL != nil || refreshTokenFile != nil || profile != nil || caFile != nil {
            throw ValidationError("--demo runs its own simulator; it cannot be combined with --base-url, --refresh-token-file, --profile or --ca-file")
        }
    }
}
