import Foundation
import TestTools
import Testing

/// chargeye makes itself non-dumpable at start (`prctl(PR_SET_DUMPABLE, 0)`). The kernel
/// shows it in `/proc`: a non-dumpable process's files there belong to root, whoever runs it.
/// Run as an unprivileged user, chargeye's belong to root and an ordinary program's to that
/// user, which is also what makes the check able to fail.
@Suite("The process keeps its memory to itself")
struct ProcessPrivacyTests {
    private static let nobody = 65534

    @Test("run as another user, chargeye's /proc files belong to root (non-dumpable); an ordinary program's belong to the user")
    func nonDumpable() async throws {
        guard getuid() == 0, let setpriv = ExternalTool.path("setpriv") else {
            #expect(ExternalTool.required == false, "needs root and setpriv (util-linux) to run a program as another user")
            return
        }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-dumpable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        defer { try? FileManager.default.removeItem(at: home) }

        let ordinary = try Self.startAsNobody(setpriv, ["/bin/sleep", "30"], home: home)
        defer { Self.stop(ordinary) }
        let chargeye = try Self.startAsNobody(setpriv, [CommandRunner.executable.path, "simulator", "--port", "0"], home: home)
        defer { Self.stop(chargeye) }

        #expect(try await Self.procOwner(of: ordinary) { true } == Self.nobody)
        // Once it serves, `main` has long run; its first step is the prctl.
        let owner = try await Self.procOwner(of: chargeye) {
            (try? String(contentsOf: chargeye.output, encoding: .utf8))?.contains("listening") == true
        }
        #expect(owner == 0, "chargeye's /proc/PID/environ belongs to uid \(owner): it is dumpable")
    }

    private struct Started {
        let process: Process
        let output: URL
    }

    private static func startAsNobody(_ setpriv: String, _ command: [String], home: URL) throws -> Started {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: setpriv)
        process.arguments = ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--"] + command
        process.environment = CommandRunner(home: home).environment
        let output = home.appendingPathComponent("out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        return Started(process: process, output: output)
    }

    /// The owner of `/proc/PID/environ` once `ready` says the program got there (after its
    /// exec: setpriv itself runs as root until it switches).
    private static func procOwner(of started: Started, once ready: () -> Bool) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(30)
        let path = "/proc/\(started.process.processIdentifier)"
        while ContinuousClock.now < deadline {
            let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: path + "/exe")) ?? ""
            if !exe.hasSuffix("setpriv"), !exe.isEmpty, ready() {
                let attributes = try FileManager.default.attributesOfItem(atPath: path + "/environ")
                return (attributes[.ownerAccountID] as? NSNumber)?.intValue ?? -1
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "\(path) never got past setpriv"])
    }

    private static func stop(_ started: Started) {
        if started.process.isRunning { kill(started.process.processIdentifier, SIGKILL) }
        started.process.waitUntilExit()
    }
}
