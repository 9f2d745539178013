import Foundation

/// The programs measured and how to start them.
struct Programs {
    /// The chargeye binary next to this benchmark (built in the same configuration).
    let chargeye: String
    let less: String?
    let htop: String?
    /// A private home, so no user configuration or cache changes what is measured.
    let home: URL

    init() throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        chargeye = directory.appendingPathComponent("chargeye").path
        guard FileManager.default.isExecutableFile(atPath: chargeye) else {
            throw BenchError("no chargeye next to the benchmark at \(chargeye): run `swift build -c release --static-swift-stdlib` first")
        }
        less = Self.find("less")
        htop = Self.find("htop")
        home = FileManager.default.temporaryDirectory.appendingPathComponent("chargeye-bench-\(getpid())")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// TERM=xterm-256color and LANG=C.UTF-8, as the measurements require.
    var environment: [String: String] {
        ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home.path, "PATH": "/usr/bin:/bin", "LESSHISTFILE": "-"]
    }

    private static func find(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
