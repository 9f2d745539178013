import ChargEyeAPI
import ChargEyeSimulator
import Foundation
import Logging

/// A ready API client for one run of a command, built from the options, environment and
/// configuration file (in that order of precedence), with the embedded simulator for `--demo`.
final class Session: Sendable {
    let client: ChargEyeClient
    /// What to call this connection on screen: the profile's label, else the base URL's host.
    let label: String
    /// The configuration file's settings (in `--demo`, those outside any profile).
    let config: ConfigFile.Settings
    private let simulator: Simulator?

    private init(client: ChargEyeClient, label: String, config: ConfigFile.Settings, simulator: Simulator?) {
        self.client = client
        self.label = label
        self.config = config
        self.simulator = simulator
    }

    static let defaultBaseURL = "https://kempower.io/api"

    /// Connects as the options say; `config` is the configuration file when the caller has
    /// read it already.
    static func open(
        _ options: ConnectionOptions,
        environment: [String: String] = LaunchEnvironment.values,
        config: ConfigFile? = nil,
        warn: @escaping @Sendable (String) -> Void = { Standard.error($0) },
        retryObserver: (@Sendable (RetryEvent) -> Void)? = nil,
        requestObserver: (@Sendable (RequestRecord) -> Void)? = nil,
        interactive: Bool = false
    ) async throws -> Session {
        // While curses owns the screen, logs may only go to a file.
        let logger = try LogSetup.bootstrap(logFile: options.logFile, verbose: options.verbose, toStandardError: !interactive)
        let config = try config ?? ConfigFile.load(environment: environment)
        if options.demo {
            var simulatorConfiguration = Simulator.Configuration()
            simulatorConfiguration.locations = options.demoLocations ?? simulatorConfiguration.locations
            if let ttl = options.tokenTTL { simulatorConfiguration.tokenTTL = TimeInterval(ttl) }
            let simulator = try await Simulator.start(simulatorConfiguration)
            var configuration = ChargEyeConfiguration(baseURL: simulator.baseURL, refreshToken: Secret(simulator.refreshToken))
            configuration.tokenCacheDirectory = nil
            apply(options, profile: nil, to: &configuration, logger: logger, warn: warn, retryObserver: retryObserver, interactive: interactive)
            configuration.requestObserver = requestObserver
            return Session(
                client: try ChargEyeClient(configuration: configuration), label: "built-in simulator",
                config: config.settings(profile: nil), simulator: simulator
            )
        }

        let profileName = options.profile ?? environment["CHARGEYE_PROFILE"] ?? config.defaultProfile
        var profile: ConfigFile.Profile?
        if let profileName {
            guard let found = config.profiles[profileName] else {
                let known = config.profiles.keys.sorted()
                throw UsageError("no profile \"\(profileName)\" in \(ConfigFile.path(environment: environment))"
                    + (known.isEmpty ? "" : "; known profiles: \(known.joined(separator: ", "))"))
            }
            profile = found
        }
        let baseText = options.baseURL ?? environment["CHARGEYE_BASE_URL"] ?? profile?.baseURL ?? defaultBaseURL
        guard let baseURL = URL(string: baseText) else { throw UsageError("--base-url \"\(baseText)\" is not a URL") }
        let refreshToken = try refreshToken(options: options, profile: profile, environment: environment, warn: warn)
        if let refreshToken { SecretRedactor.shared.register(refreshToken) }

        var configuration = ChargEyeConfiguration(baseURL: baseURL, refreshToken: refreshToken)
        let caFile = [options.caFile, environment["CHARGEYE_CA_FILE"], profile?.caFile].lazy.compactMap { $0 }.first { !$0.isEmpty }
        try configureNetwork(environment: environment, caFile: caFile, logger: logger, into: &configuration)
        configuration.tokenCacheDirectory = options.noTokenCache ? nil : TokenCache.defaultDirectory(environment: environment)
        apply(options, profile: profile, to: &configuration, logger: logger, warn: warn, retryObserver: retryObserver, interactive: interactive)
        configuration.requestObserver = requestObserver
        let label = profile?.label ?? profileName ?? baseURL.host ?? baseText
        return Session(client: try ChargEyeClient(configuration: configuration), label: label, config: config.settings(profile: profile), simulator: nil)
    }

    /// The trust roots and the proxy for the configured base URL; a CA file that is missing or
    /// holds no certificate, or a proxy variable that is not a proxy URL, is a usage error now
    /// rather than a failed call later.
    private static func configureNetwork(
        environment: [String: String], caFile: String?, logger: Logger, into configuration: inout ChargEyeConfiguration
    ) throws {
        configuration.trust = TLSTrust.resolve(caFile: caFile.map { ($0 as NSString).expandingTildeInPath }, environment: environment)
        configuration.proxy = try ProxyRoute.forTarget(configuration.baseURL, environment: environment)
        if let password = configuration.proxy?.password { SecretRedactor.shared.register(password) }
        try configuration.trust.validate()
        logger.debug("trust: \(configuration.trust.summary); proxy: \(configuration.proxy.map(String.init(describing:)) ?? "none")")
    }

    /// Opens a session and runs `body` with it.
    ///
    /// The embedded simulator of `--demo` is not stopped afterwards: the process exits next,
    /// which closes its sockets, whereas a graceful stop while one of its responses is still
    /// being written (a call left in flight at `q`) can trip a SwiftNIO precondition
    /// ("Deinited NIOAsyncWriter without calling finish()") and crash the exit (seen once in
    /// 96 terminal runs).
    static func with<T: Sendable>(_ options: ConnectionOptions, _ body: (Session) async throws -> T) async throws -> T {
        try await body(try await open(options))
    }

    /// In `--demo`: switches the simulator's fault injection (every resource call answers 503,
    /// the token endpoint keeps working so the countdown goes on).
    var faultSwitch: (@Sendable (Bool) async throws -> Void)? {
        guard let simulator else { return nil }
        return { on in
            let paths = ["/locations*", "/stations*", "/chargingStations*", "/vehicles*"]
            simulator.faultSettings = on
                ? FaultSettings(latencyMs: 150, rules: paths.map {
                    FaultRule(path: $0, status: 503, body: #"{"errorMessage":"Simulated outage (demo fault injection is on)"}"#)
                })
                : FaultSettings()
        }
    }

    private static func apply(
        _ options: ConnectionOptions, profile: ConfigFile.Profile?, to configuration: inout ChargEyeConfiguration,
        logger: Logger, warn: @escaping @Sendable (String) -> Void, retryObserver: (@Sendable (RetryEvent) -> Void)?,
        interactive: Bool
    ) {
        configuration.timeout = options.timeout ?? profile?.timeout ?? 30
        if let megabytes = options.maxResponseMB { configuration.maxResponseBytes = megabytes * 1024 * 1024 }
        configuration.logger = logger
        configuration.warn = { message in
            logger.warning("\(message)")
            warn(interactive ? message : "warning: \(message)")
        }
        configuration.retryObserver = { event in
            logger.info(
                "retry \(event.nextAttempt)/\(event.maxAttempts) of \(event.request) in \(String(format: "%.1f", event.delay)) s after \(event.reason)"
            )
            retryObserver?(event)
        }
    }

    /// The refresh token: `--refresh-token-file`, else `CHARGEYE_REFRESH_TOKEN`, else
    /// `CHARGEYE_REFRESH_TOKEN_FILE`, else the profile's file.
    private static func refreshToken(
        options: ConnectionOptions, profile: ConfigFile.Profile?, environment: [String: String],
        warn: (String) -> Void
    ) throws -> Secret? {
        if let path = options.refreshTokenFile { return try SecretFile.read(path, warn: warn) }
        if let value = environment["CHARGEYE_REFRESH_TOKEN"], !Secret(value).isEmpty { return Secret(value) }
        if let path = environment["CHARGEYE_REFRESH_TOKEN_FILE"] ?? profile?.refreshTokenFile {
            return try SecretFile.read(path, warn: warn)
        }
        return nil
    }
}
