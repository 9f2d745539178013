import Foundation
import Testing
import TestTools

/// `Scripts/release.sh` on bad input (the release itself is built and checked by `.ci/run`).
@Suite("The release script")
struct ReleaseScriptTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("missing build tools are named, with the command that installs them")
    func missingToolsAreNamed() async throws {
        // A PATH with a shell and the few tools the script needs before it checks for the rest.
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("release-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: bin) }
        for tool in ["bash", "dirname", "sort", "tr", "id"] {
            try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent(tool), withDestinationURL: URL(fileURLWithPath: "/usr/bin/\(tool)"))
        }
        let result = try await ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["PATH=\(bin.path)", "bash", Self.root.appendingPathComponent("Scripts/release.sh").path]
        )
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains("missing tools; install them with:"), "\(result.output)")
        #expect(result.output.contains("apt-get install -y"))
        for package in ["dpkg-dev", "binutils", "git"] {
            #expect(result.output.contains(package), "\(package) is not named: \(result.output)")
        }
    }

    @Test("an unknown option is refused with exit 2")
    func unknownOption() async throws {
        let result = try await ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), [Self.root.appendingPathComponent("Scripts/release.sh").path, "--shiny"])
        #expect(result.status == 2)
        #expect(result.output.contains("unknown option --shiny"))
    }
}
