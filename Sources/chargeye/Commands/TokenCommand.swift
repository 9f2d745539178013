import ArgumentParser
import ChargEyeAPI
import ViewModels
import Foundation

/// `chargeye token`: authenticates and shows how long the access token stays valid.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Authenticate and show the access token's validity (never the token itself)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Get a new token even if the cached one is still good.")
    var renew = false

    func run() async throws {
        let (token, label, baseURL) = try await Session.with(connection) { session in
            let token = renew ? try await session.client.tokens.refresh() : try await session.client.tokens.validToken()
            return (token, session.label, session.client.configuration.baseURL.absoluteString)
        }
        let left = token.expiresAt.timeIntervalSinceNow
        if json {
            struct Report: Encodable {
                let validUntil: Date
                let secondsLeft: Int
                let obtainedAt: Date
                /// validUntil, jwtExp or documented: which evidence `validUntil` above came from.
                let lifetimeSource: String
                let problem: String?
                let baseURL: String
            }
            Standard.out(try JSONOutput.render(Report(
                validUntil: token.expiresAt, secondsLeft: max(0, Int(left)), obtainedAt: token.obtainedAt,
                lifetimeSource: token.lifetimeSource.rawValue, problem: token.problem, baseURL: baseURL
            )))
        } else {
            Standard.out("""
                authenticated to \(label)
                token valid until \(Format.clock(token.expiresAt, zone: .current)) (local time), \(TokenCountdown.format(max(0, left))) left
                obtained \(Format.clock(token.obtainedAt, zone: .current))
                """ + Self.lifetimeNote(token))
        }
    }

    /// Where the expiry came from, when it was not the answer's `validUntil`, and why.
    private static func lifetimeNote(_ token: AccessToken) -> String {
        guard let caveat = token.lifetimeSource.caveat else { return "" }
        return "\nexpiry \(caveat)" + (token.problem.map { ": \($0)" } ?? "")
    }
}
