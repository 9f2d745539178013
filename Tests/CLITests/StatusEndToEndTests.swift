import ChargEyeSimulator
import Foundation
import Testing

extension CLITests {
    @Test("unusual statuses end with the README's exit codes and one plain line on stderr", arguments: [
        (204, 5, "HTTP 204 No Content"), (302, 5, "HTTP 302 Found without a Location header"), (304, 5, "HTTP 304 Not Modified"),
        (418, 4, "HTTP 418 (unassigned, a client error)"), (451, 4, "HTTP 451 Unavailable For Legal Reasons"),
        (599, 5, "HTTP 599 (unassigned, a server error)"), (100, 5, "was not valid HTTP"),
    ])
    func unusualStatuses(status: Int, exitCode: Int32, says: String) async throws {
        try await withServer { simulator, runner in
            simulator.addFault(FaultRule(path: "/locations", status: status))
            let result = try await runner.run(["locations"])
            #expect(result.status == exitCode)
            #expect(result.stderr.contains(says), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(!["undocumented(", "Optional(", "OpenAPIRuntime"].contains { result.stderr.contains($0) })
        }
    }
}
