import ArgumentParser
import Foundation

/// `chargeye config path|check`: where the configuration file is, and whether it is valid.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show where the configuration file is, or check it.",
        subcommands: [Path.self, Check.self]
    )

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the configuration file's location.")

        func run() throws {
            Standard.out(ConfigFile.path(environment: ProcessInfo.processInfo.environment))
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the configuration file; errors name the line (exit code 2)."
        )

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let path = ConfigFile.path(environment: environment)
            guard FileManager.default.fileExists(atPath: path) else {
                Standard.out("\(path): no configuration file (defaults apply)")
                return
            }
            let config = try ConfigFile.load(environment: environment)
            let profiles = config.profiles.keys.sorted()
            Standard.out("""
                \(path): ok
                profiles: \(profiles.isEmpty ? "none" : profiles.joined(separator: ", "))\(config.defaultProfile.map { " (default \($0))" } ?? "")
                theme: \(config.theme ?? "terminal"), refresh interval: \(config.refreshInterval.map { "\($0) s" } ?? "30 s")
                remapped keys: \(config.keys.isEmpty ? "none" : config.keys.keys.sorted().joined(separator: ", "))
                """)
        }
    }
}
