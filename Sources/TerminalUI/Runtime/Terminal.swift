public import ViewModels

/// What the terminal reports.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    /// A mouse event at a screen cell.
    case wheel(up: Bool, column: Int, row: Int)
    case click(column: Int, row: Int)
    /// The terminal changed size.
    case resized(width: Int, height: Int)
}

/// A screen the run loop can draw on and read from. `NcursesTerminal` is the real one;
/// `ScriptedTerminal` plays queued input and records frames for tests.
public protocol Terminal: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// The descriptor to poll for input; nil when input does not come from a descriptor.
    var inputDescriptor: Int32? { get }
    /// Reads every input event available now, without blocking.
    func readInput() -> [InputEvent]
    /// Shows a frame, sending only what changed since the last one.
    func present(_ grid: CellGrid)
    /// Puts text on the clipboard of the terminal the user sits at (OSC 52); called by the
    /// effect runner on the run loop's thread.
    var clipboard: @Sendable (String) -> Void { get }
    /// Gives the terminal back to the shell and stops the process (Ctrl-Z); returns after `fg`.
    func suspend()
    /// Takes the terminal back after the process was continued (SIGCONT), whoever stopped it.
    func resume()
    /// Restores the terminal for the shell. Safe to call more than once.
    func shutdown()
}
