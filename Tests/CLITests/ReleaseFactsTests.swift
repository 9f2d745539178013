import Foundation
import Testing

/// What a release build reports about itself, and the one place its version comes from.
@Suite("Version and release facts")
struct ReleaseFactsTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("Resources/VERSION is the CHANGELOG's latest release")
    func versionMatchesChangelog() throws {
        let version = try Self.read("Resources/VERSION").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+/) != nil, "not a semantic version: \(version)")
        let changelog = try Self.read("CHANGELOG.md")
        let latest = changelog.firstMatch(of: /\n## \[([0-9][^\]]*)\] - [0-9]{4}-[0-9]{2}-[0-9]{2}\n/).map { String($0.1) }
        #expect(latest == version)
    }

    @Test("--version: the version, the commit and the build date")
    func versionOutput() async throws {
        let version = try Self.read("Resources/VERSION").trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try await CommandRunner(home: FileManager.default.temporaryDirectory).run(["--version"])
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .newlines)
        let match = line.wholeMatch(of: /([^ ]+) \(commit ([0-9a-f]{12}(-dirty)?|unknown), built ([0-9]{4}-[0-9]{2}-[0-9]{2})\)/)
        #expect(match?.1 == Substring(version), "\(line)")
    }

    @Test("--help lists the browser's keys and the exit codes")
    func helpHasKeysAndExitCodes() async throws {
        let result = try await CommandRunner(home: FileManager.default.temporaryDirectory).run(["--help"])
        #expect(result.status == 0)
        for expected in ["Keys in the browser", "problems only", "retry failed call", "in the error pane:", "Exit codes:"] {
            #expect(result.stdout.contains(expected), "--help lacks \(expected)")
        }
        // Every glyph in ASCII, as man shows it on any terminal.
        #expect(result.stdout.unicodeScalars.allSatisfy { $0.isASCII })
    }
}
