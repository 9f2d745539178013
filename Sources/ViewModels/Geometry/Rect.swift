/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// True when nothing fits.
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The part inside `bounds`.
    public func clipped(to bounds: Rect) -> Rect {
        let left = max(x, bounds.x), top = max(y, bounds.y)
        let right = min(x + width, bounds.x + bounds.width), bottom = min(y + height, bounds.y + bounds.height)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Shrunk by `by` cells on every side.
    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// A centred rectangle of at most the given size.
    public func centered(width wanted: Int, height wantedHeight: Int) -> Rect {
        let w = min(width, wanted), h = min(height, wantedHeight)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }

    /// Whether a cell lies inside.
    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < x + width && row >= y && row < y + height
    }
}
