/// Line-drawing characters: Unicode box drawing in UTF-8 locales, plain ASCII otherwise.
public struct Glyphs: Equatable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var ellipsis: String
    public var separator: String

    public static let unicode = Glyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", ellipsis: "…", separator: " · ")
    public static let ascii = Glyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", ellipsis: "~", separator: " - ")

    /// True for the ASCII set (a terminal whose locale is not UTF-8).
    public var isASCII: Bool { self == .ascii }
}
