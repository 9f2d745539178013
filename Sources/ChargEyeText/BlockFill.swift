/// A run of cells filled to a share of a width, as horizontal bars and gauges draw it: whole
/// blocks, then the remainder in eighths of a cell (`▏` to `▉`); in ASCII `#` per cell and `+`
/// for a remainder of half a cell or more.
public enum BlockFill {
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `fraction` (clamped to 0...1) of `width` cells; at most `width` cells wide.
    public static func cells(_ fraction: Double, width: Int, ascii: Bool) -> String {
        guard width > 0, fraction.isFinite, fraction > 0 else { return "" }
        let cells = min(1, fraction) * Double(width)
        let whole = Int(cells)
        var run = String(repeating: ascii ? "#" : "█", count: whole)
        guard whole < width else { return run }
        let rest = cells - Double(whole)
        if ascii {
            if rest >= 0.5 { run += "+" }
        } else if case let eighth = Int(rest * 8), eighth > 0 {
            run.append(eighths[eighth - 1])
        }
        return run
    }
}
