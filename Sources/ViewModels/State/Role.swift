/// What a piece of text means on screen. The view-model decides the role; the terminal
/// decides how it looks (colour, bold, reverse), so meaning survives without colour.
public enum Role: UInt8, Sendable, Hashable, CaseIterable {
    case normal, dim, title, header, selected, selectedDim, ok, warning, critical, accent, stale, badge, key, border
}

/// A run of text with one role.
public struct Span: Sendable, Equatable {
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role = .normal) {
        self.text = text
        self.role = role
    }
}
