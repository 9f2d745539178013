public import ViewModels
import ChargEyeText

/// The screen as data: a grid of cells, each a character and a role. Wide characters take
/// two cells (the second marked as a continuation). Views draw into it; the terminal backend
/// presents it; tests compare it as text.
public struct CellGrid: Equatable, Sendable, CustomStringConvertible {
    /// One screen cell.
    public struct Cell: Equatable, Sendable {
        public var character: Character = " "
        public var role: Role = .normal
        /// The right half of a wide character drawn in the cell before.
        public var isContinuation = false
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    /// A blank grid.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    /// The cell at a column and row.
    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` at (x, y), clipped to `limit` columns and the grid; returns the columns used.
    /// Text must already be sanitized; control characters are skipped regardless.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 { continue }
            if column + characterWidth > end { break }
            if column >= 0 {
                clearWideCharacter(at: column, y: y)
                if characterWidth == 2 { clearWideCharacter(at: column + 1, y: y) }
                cells[y * width + column] = Cell(character: character, role: role)
                if characterWidth == 2 { cells[y * width + column + 1] = Cell(character: " ", role: role, isContinuation: true) }
            }
            column += characterWidth
        }
        return column - x
    }

    /// Replaces each character that is not ASCII by `form` of it (for a terminal that is not
    /// UTF-8: the cut marks the views add after the texts were made ASCII).
    public mutating func replaceNonASCII(with form: (Character) -> Character) {
        for index in cells.indices where !cells[index].character.isASCII {
            cells[index].character = form(cells[index].character)
        }
    }

    /// Before a cell is overwritten: a wide character that covers it (from the left, or
    /// spilling into the right) is blanked, so no half character is left on screen.
    private mutating func clearWideCharacter(at column: Int, y: Int) {
        let index = y * width + column
        if cells[index].isContinuation, column > 0 {
            cells[index - 1] = Cell(character: " ", role: cells[index - 1].role)
        } else if column + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(character: " ", role: cells[index + 1].role)
        }
    }

    /// Fills a rectangle with spaces of one role.
    public mutating func fill(_ rect: Rect, role: Role) {
        let clipped = rect.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        for row in clipped.y..<clipped.y + clipped.height {
            if clipped.width > 0 {
                clearWideCharacter(at: clipped.x, y: row)
                clearWideCharacter(at: clipped.x + clipped.width - 1, y: row)
            }
            for column in clipped.x..<clipped.x + clipped.width {
                cells[row * width + column] = Cell(character: " ", role: role)
            }
        }
    }

    /// Sets the role of cells in a row range (for highlights), keeping their characters.
    public mutating func paint(x: Int, y: Int, width count: Int, role: Role) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + count) { cells[y * width + column].role = role }
    }

    /// Each row as text (continuation cells omitted, so wide characters read naturally).
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width where !self[column, row].isContinuation { line.append(self[column, row].character) }
            return line
        }
    }

    /// The rows with trailing spaces removed, for comparisons.
    public var trimmedLines: [String] {
        lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    }

    /// The grid framed, so a failing test shows what was on screen.
    public var description: String {
        let border = "+" + String(repeating: "-", count: width) + "+"
        return ([border] + lines.map { "|\($0)|" } + [border]).joined(separator: "\n")
    }
}
