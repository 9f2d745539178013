/// How the browser is coloured: the terminal's own 16 colours (default), tuned for dark or
/// light backgrounds, or monochrome (bold, reverse and underline only).
public enum Theme: String, Sendable, CaseIterable {
    case terminal, dark, light, monochrome
}

/// The eight basic terminal colours by name, for a profile's header colour.
public enum TerminalColor: String, Sendable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white

    /// The curses colour number.
    public var number: Int16 { Int16(Self.allCases.firstIndex(of: self) ?? 0) }
}
