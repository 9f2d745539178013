import ArgumentParser
import ChargEyeAPI

/// `chargeye get PATH`: a raw GET with the current token, printed as pretty JSON.
struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "GET any API path with the current token and print the JSON."
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "A path under the base URL, e.g. /locations or '/stations?locationUid=ID'.")
    var path: String

    @Flag(help: "Print the status line and timing to stderr.")
    var include = false

    func run() async throws {
        let response = try await Session.with(connection) { [path] in try await $0.client.get(path: path) }
        if include {
            let milliseconds = Int(response.duration.components.seconds * 1000 + response.duration.components.attoseconds / 1_000_000_000_000_000)
            Standard.error("HTTP \(response.status) GET \(response.path) (\(milliseconds) ms, \(response.body.count) bytes)")
        }
        Standard.out(response.displayText)
    }
}
