public import Foundation
public import ViewModels

/// The interactive browser's run loop. One thread owns the terminal and blocks in poll() on
/// the terminal's input and a wake pipe; the timeout is the state's next deadline (the
/// earliest moment the screen changes by itself), otherwise infinite. Each wake turns input, signals and
/// inbox messages into `update` calls, hands the effects to the runner (keeping only process
/// control: quit and suspend), and presents the new frame, of which the terminal sends only the
/// changed cells. The terminal is restored on every exit.
public final class BrowserLoop {
    private var state: AppState
    private let terminal: any Terminal
    private let runner: EffectRunner
    private let inbox: Inbox
    private let glyphs: Glyphs
    private let clock: () -> Date
    /// Told why the loop ended, before the terminal is handed back (which may stall on a
    /// terminal that hung up), so the reason reaches the log in any case.
    public var onEnd: ((String) -> Void)?
    private var quitting = false
    private var endReason = "quit"
    private var lastFrame: CellGrid?

    public init(state: AppState, terminal: any Terminal, runner: EffectRunner, inbox: Inbox, glyphs: Glyphs, clock: @escaping () -> Date = Date.init) {
        self.state = state
        self.terminal = terminal
        self.runner = runner
        self.inbox = inbox
        self.glyphs = glyphs
        self.clock = clock
    }

    /// The state now (for tests).
    public var currentState: AppState { state }

    /// Runs until the user quits, a terminating signal arrives or the terminal goes away;
    /// returns why it ended ("quit", "SIGHUP: the terminal hung up", ...).
    @discardableResult
    public func run() throws -> String {
        let wakePipe = try WakePipe()
        let signals = SignalMonitor(wake: { wakePipe.wake() })
        defer {
            signals.stop()
            terminal.shutdown()
        }
        inbox.onPost { wakePipe.wake() }
        dispatch([.tick(clock()), resized()])
        perform(state.start())
        while !quitting {
            let frame = Screen.draw(state, glyphs: glyphs)
            if frame != lastFrame {
                terminal.present(frame)
                lastFrame = frame
            }
            wait(wakePipe: wakePipe)
            wakePipe.drain()
            var messages: [Message] = [.tick(clock())]
            for event in signals.drain() { messages += handle(event) }
            for event in terminal.readInput() { messages += translate(event) }
            messages += inbox.drain()
            dispatch(messages)
        }
        onEnd?(endReason)
        return endReason
    }

    private func dispatch(_ messages: [Message]) {
        for message in messages where !quitting { perform(state.update(message)) }
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .quit:
                quitting = true
            case .suspend:
                suspend()
            default:
                runner.run(effect)
            }
        }
    }

    /// Blocks until input, a wake-up or the next deadline.
    private func wait(wakePipe: WakePipe) {
        var descriptors = [wakePipe.readEnd]
        if let input = terminal.inputDescriptor { descriptors.append(input) }
        var timeout: Int32 = -1
        if let deadline = state.nextDeadline {
            timeout = Int32(max(0, min(86_400_000, (deadline.timeIntervalSince(clock()) * 1000).rounded(.up))))
        }
        if terminal.inputDescriptor == nil { timeout = min(timeout < 0 ? 10 : timeout, 10) }
        let readiness = Platform.wait(for: descriptors, timeout: timeout)
        // The terminal went away (an SSH drop without SIGHUP reaching us): nothing to draw on.
        if readiness.count > 1, readiness[1].closed {
            quitting = true
            endReason = "the terminal closed"
        }
    }

    private func handle(_ event: SignalMonitor.Event) -> [Message] {
        switch event {
        case .terminate(let reason):
            quitting = true
            endReason = reason
            return []
        case .suspend:
            terminal.suspend()
            lastFrame = nil
            return [resized()]
        case .resume:
            terminal.resume()
            lastFrame = nil
            return [resized()]
        case .resize:
            lastFrame = nil
            return [resized()]
        }
    }

    /// Hands the terminal to the shell until continued; then everything is redrawn at the size
    /// the terminal has by then.
    private func suspend() {
        terminal.suspend()
        lastFrame = nil
        perform(state.update(resized()))
    }

    private func resized() -> Message {
        let size = terminal.size
        return .resized(width: size.width, height: size.height)
    }

    private func translate(_ event: InputEvent) -> [Message] {
        switch event {
        case .key(let key):
            return [.keyPressed(key)]
        case .resized(let width, let height):
            lastFrame = nil
            return [.resized(width: width, height: height)]
        case .wheel(let up, let column, let row):
            return [.mouse(.wheel(up: up, column: column, row: row))]
        case .click(let column, let row):
            return [.mouse(.click(column: column, row: row))]
        }
    }
}
