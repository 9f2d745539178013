import ChargEyeText
import ChargEyeAPI

/// Where the help's rows go in the body of a terminal: two columns when they fit beside each
/// other and all rows fit in height; else one column, scrolled when it is taller than the body.
/// Made by the view-model (which bounds scrolling with it) and handed to the view in the
/// `HelpOverlay`, so the two agree.
public struct HelpLayout: Equatable, Sendable {
    /// The widest a key column gets.
    static let keysLimit = 24
    /// Columns between a key and its label, between two columns, and inside the frame's left edge.
    public static let keyGap = 2
    static let columnGap = 2
    static let margin = 1
    /// The frame's two edges.
    static let frame = 2
    /// The least room a label keeps in one column before the keys give way.
    static let labelMinimum = 4

    /// 1 or 2.
    public var columns: Int
    /// Rows shown per column.
    public var visibleRows: Int
    /// Each column's key and label widths (labels may be cut to fit, with a mark).
    public var keysWidths: [Int]
    public var labelWidths: [Int]
    /// Where each column's keys start, counted from the inside of the frame.
    public var keysOffsets: [Int]
    /// The frame's size.
    public var width: Int
    public var height: Int
    /// True when not every row is on screen at once.
    public var scrolls: Bool

    /// The layout of `rows` in a body of `width` x `height` cells.
    public init(rows: [(keys: String, label: String)], width: Int, height: Int) {
        func measure(_ part: ArraySlice<(keys: String, label: String)>) -> (Int, Int) {
            (min(Self.keysLimit, part.map { DisplayWidth.of($0.keys) }.max() ?? 0), part.map { DisplayWidth.of($0.label) }.max() ?? 0)
        }
        let half = (rows.count + 1) / 2
        let split = [measure(rows[..<half]), measure(rows[half...])]
        let chrome = Self.frame + Self.margin
        let twoWide = split.reduce(0) { $0 + $1.0 + Self.keyGap + $1.1 } + Self.columnGap + chrome
        let available = max(1, height - Self.frame)
        if rows.count > available, rows.count > 1, twoWide <= width, half <= available {
            columns = 2
            visibleRows = half
            keysWidths = split.map(\.0)
            labelWidths = split.map(\.1)
            keysOffsets = [Self.margin, Self.margin + split[0].0 + Self.keyGap + split[0].1 + Self.columnGap]
            self.width = twoWide
        } else {
            let (keys, label) = measure(rows[...])
            columns = 1
            visibleRows = min(rows.count, available)
            keysWidths = [min(keys, max(1, width - chrome - Self.keyGap - Self.labelMinimum))]
            labelWidths = [max(1, min(label, width - chrome - Self.keyGap - keysWidths[0]))]
            keysOffsets = [Self.margin]
            self.width = min(width, keysWidths[0] + Self.keyGap + labelWidths[0] + chrome)
        }
        self.height = min(height, visibleRows + Self.frame)
        scrolls = columns * visibleRows < rows.count
    }

    /// The first row that can be on top: scrolling stops when the last row shows.
    public func maximumScroll(rowCount: Int) -> Int {
        scrolls ? rowCount - visibleRows : 0
    }
}
