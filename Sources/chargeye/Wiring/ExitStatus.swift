import ArgumentParser
import ChargEyeAPI

/// The documented exit codes.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let authentication: Int32 = 3
    static let rejected: Int32 = 4
    static let unavailable: Int32 = 5

    /// The table printed by `--help` and in the README.
    static let help = """
        Exit codes:
          0  success
          1  any other failure
          2  usage: bad arguments, configuration or terminal
          3  authentication: refresh token missing or rejected
          4  request rejected (HTTP 4xx: not found, forbidden, no permission)
          5  server or network failure after retries (5xx, 429, network, bad data, faulty paging)
        """

    /// The exit code for an API error.
    static func code(for error: ChargEyeError) -> Int32 {
        switch error {
        case .refreshTokenRejected, .missingRefreshToken: authentication
        case .permissionDenied, .fleetTooLarge: rejected
        case .http(let failure): (400..<500).contains(failure.status) && failure.status != 429 ? rejected : unavailable
        case .transport, .responseTooLarge, .decoding, .pagination: unavailable
        case .invalidConfiguration: usage
        }
    }
}
