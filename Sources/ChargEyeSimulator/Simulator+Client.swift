public import ChargEyeAPI

extension Simulator {
    /// A client for this simulator with its refresh token and no token cache on disk (what
    /// `--demo` and the tests use); `configure` adjusts the rest.
    public func client(_ configure: (inout ChargEyeConfiguration) -> Void = { _ in }) throws -> ChargEyeClient {
        var configuration = ChargEyeConfiguration(baseURL: baseURL, refreshToken: Secret(refreshToken))
        configuration.tokenCacheDirectory = nil
        configure(&configuration)
        return try ChargEyeClient(configuration: configuration)
    }
}
