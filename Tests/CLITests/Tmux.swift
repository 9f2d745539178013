import Foundation
import Testing

/// A private tmux server with one window running a plain shell, driven as a user would:
/// send keys, read the screen.
final class Tmux {
    private let socket = "chargeye-test-\(UUID().uuidString.prefix(8))"
    private let session = "t"

    /// Starts a shell in a `width` x `height` window, with a clean, known prompt.
    init(width: Int, height: Int, environment: [String: String]) throws {
        var env = environment.merging(CommandRunner.sanitizerOptions) { own, _ in own }
        env["PS1"] = "$ "
        env["TERM"] = env["TERM"] ?? "xterm-256color"
        let exports = env.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        // The first command starts the tmux server, which must not inherit an output pipe.
        try run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "env -i \(exports) bash --norc --noprofile"], output: false)
        try run(["set-option", "-t", session, "status", "off"])
    }

    /// A shell at its prompt in a `width` x `height` window, in the private `home` (created),
    /// with the built binary on PATH, LANG=C.UTF-8 and `extra` variables.
    static func shell(width: Int, height: Int, home: URL, extra: [String: String] = [:]) async throws -> Tmux {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let tmux = try Tmux(width: width, height: height, environment: [
            "HOME": home.path, "PATH": CommandRunner.executable.deletingLastPathComponent().path + ":/usr/bin:/bin",
            "LANG": "C.UTF-8",
        ].merging(extra) { _, extra in extra })
        try await tmux.waitFor("$")
        return tmux
    }

    /// The processes below `pid` (children, their children, …), from /proc.
    static func descendants(of pid: Int32) throws -> [Int32] {
        var parents: [Int32: Int32] = [:]
        for entry in try FileManager.default.contentsOfDirectory(atPath: "/proc") {
            guard let child = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = Int32(fields[1]) { parents[child] = parent }
        }
        var found: [Int32] = []
        var frontier = [pid]
        while let parent = frontier.popLast() {
            let children = parents.filter { $0.value == parent }.map(\.key)
            found += children
            frontier += children
        }
        return found
    }

    /// Whether tmux is installed (the CI script installs it).
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    /// Types keys (tmux key names: "Enter", "Escape", "C-r", or literal text).
    func send(_ keys: String...) throws {
        try send(keys)
    }

    /// Types keys given as a list.
    func send(_ keys: [String]) throws {
        try run(["send-keys", "-t", session] + keys)
    }

    /// Types a command line at the shell prompt and presses Enter.
    func enter(_ command: String) throws {
        try type(command)
        try send("Enter")
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", session, "-l", text])
    }

    /// The screen now.
    func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", session], output: true)
    }

    /// Appends every byte the pane's program writes to `path` (what the terminal receives).
    func recordOutput(to path: String) throws {
        try run(["pipe-pane", "-o", "-t", session, "cat >> '\(path)'"])
    }

    /// Resizes the window.
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen shows `text` (or `predicate` holds), up to `seconds`.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 60, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await waitUntil(seconds: seconds, description: text, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Waits until the screen shows every one of `texts` at once (a frame fully drawn).
    @discardableResult
    func waitForAll(_ texts: String..., seconds: Double = 60, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await waitUntil(seconds: seconds, description: texts.joined(separator: " + "), sourceLocation: sourceLocation) { screen in
            texts.allSatisfy { screen.contains($0) }
        }
    }

    @discardableResult
    func waitUntil(seconds: Double = 60, description: String, sourceLocation: SourceLocation = #_sourceLocation, _ predicate: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if predicate(screen) { return screen }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for \(description); the screen was:\n\(screen)", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    /// The pane's title (a program can set it with an escape sequence).
    func paneTitle() throws -> String {
        try run(["display-message", "-p", "-t", session, "#{pane_title}"], output: true)
    }

    /// The process id of the pane's shell.
    func shellPID() throws -> Int32 {
        Int32(try run(["display-message", "-p", "-t", session, "#{pane_pid}"], output: true).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Lets programs write tmux's paste buffers with OSC 52, as a permissive terminal would.
    func acceptClipboardWrites() throws {
        try run(["set-option", "-s", "set-clipboard", "on"])
    }

    /// The paste buffers, one line each (empty when nothing wrote the clipboard).
    func pasteBuffers() throws -> String {
        try run(["list-buffers"], output: true)
    }

    /// Whether the tmux server still answers.
    var isRunning: Bool {
        (try? run(["list-sessions"], output: true))?.contains("\(session):") ?? false
    }

    /// Stops the server (which hangs up the shell and whatever runs in it).
    func stop() {
        _ = try? run(["kill-server"])
    }

    deinit {
        stop()
    }

    /// Runs `tmux -L <socket> arguments...` with posix_spawn and waits for it; Foundation's
    /// Process is avoided here because the first call forks the tmux server.
    @discardableResult
    private func run(_ arguments: [String], output: Bool = false) throws -> String {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if output {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        // Default signal handling and no blocked signals, whatever the test runner uses: the
        // server and the shell it starts inherit them, and a shell ignoring SIGHUP would
        // outlive kill-server.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard spawned == 0 else { throw POSIXError(.ENOENT) }
        var data = Data()
        if output {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(pipeEnds[0], &buffer, buffer.count)
                if count <= 0 { break }
                data.append(contentsOf: buffer[0..<count])
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: data, as: UTF8.self)
    }
}
