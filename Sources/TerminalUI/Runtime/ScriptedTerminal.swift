import Synchronization

/// A terminal for tests: follows a script of input events and waits, and records every
/// frame presented.
public final class ScriptedTerminal: Terminal {
    /// One step of the script.
    public enum Step: Sendable {
        /// Deliver these events in one loop turn.
        case send([InputEvent])
        /// Deliver nothing until the last frame shows this text.
        case waitFor(String)
    }

    public private(set) var frames: [CellGrid] = []
    /// What was put on the clipboard, oldest first.
    public var copied: [String] { copies.texts.withLock { $0 } }
    private let copies = Copies()

    /// The clipboard's record, written from the effect runner.
    private final class Copies: Sendable {
        let texts = Mutex<[String]>([])
    }
    public private(set) var suspensions = 0
    public private(set) var isShutDown = false
    /// The text a `waitFor` step was still waiting for when the patience ran out.
    public private(set) var gaveUpWaitingFor: String?
    private var script: [Step]
    private let patience: Duration
    private var waitingSince: ContinuousClock.Instant?
    public private(set) var size: (width: Int, height: Int)

    /// A terminal of a size that follows `script`; a `waitFor` that is not met within
    /// `patience` ends the session with Ctrl-C (and is reported in `gaveUpWaitingFor`).
    public init(width: Int, height: Int, script: [Step], patience: Duration = .seconds(60)) {
        size = (width, height)
        self.script = script
        self.patience = patience
    }

    /// Whether the script has been played to the end.
    public var isFinished: Bool { script.isEmpty }

    public var inputDescriptor: Int32? { nil }

    public func readInput() -> [InputEvent] {
        guard let step = script.first else { return [] }
        switch step {
        case .waitFor(let text):
            if frames.last?.lines.contains(where: { $0.contains(text) }) == true {
                script.removeFirst()
                waitingSince = nil
                return []
            }
            let started = waitingSince ?? .now
            waitingSince = started
            guard ContinuousClock.now - started > patience else { return [] }
            gaveUpWaitingFor = text
            script.removeAll()
            return [.key(.control("c"))]
        case .send(let events):
            script.removeFirst()
            for case .resized(let width, let height) in events { size = (width, height) }
            return events
        }
    }

    public func present(_ grid: CellGrid) { frames.append(grid) }
    public var clipboard: @Sendable (String) -> Void {
        { [copies] text in copies.texts.withLock { $0.append(text) } }
    }
    public func suspend() { suspensions += 1 }
    public func resume() {}
    public func shutdown() { isShutDown = true }
}
