import Foundation

/// Real tools from Debian's packages that tests check chargeye's output with (promtool, a
/// Prometheus server). `.ci/run` installs them and sets `CHARGEYE_REQUIRE_TOOLS`, so CI never
/// skips a test that needs one.
public enum ExternalTool {
    /// Whether a missing tool fails the test instead of skipping its check.
    public static var required: Bool { ProcessInfo.processInfo.environment["CHARGEYE_REQUIRE_TOOLS"] != nil }

    /// Where the tool is installed, if it is.
    public static func path(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the tool with `input` on standard input; its exit status and everything it wrote.
    public static func run(_ path: String, _ arguments: [String], input: String) async throws -> (status: Int32, output: String) {
        let result = try await ChildProcess.run(URL(fileURLWithPath: path), arguments, input: input)
        return (result.status, result.output)
    }
}
