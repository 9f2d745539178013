import ChargEyeText
public import ViewModels

/// Draws a detail gauge as runs of marks, each with its own glyph so the bar reads without
/// colour (the role only adds colour where there is some):
/// - power: `█` up to the reading (eighths at its end), `░` to the maximum, `▶` when the
///   reading is above it; ASCII `#`, `+`, `.`, `>`;
/// - state of charge: `▒` what the battery had at the start, `█` what this session added,
///   `░` what is left to the limit, `│` the limit, `·` above it; ASCII `:`, `#`, `-`, `|`, `.`.
public enum GaugeView {
    /// The widest a gauge is drawn, so it reads as a gauge, not a rule.
    public static let maximumWidth = 24

    public static func draw(_ gauge: Gauge, x: Int, y: Int, width: Int, ascii: Bool, into grid: inout CellGrid) {
        var column = x
        for (text, role) in runs(gauge, width: min(width, maximumWidth), ascii: ascii) {
            column += grid.put(text, x: column, y: y, role: role)
        }
    }

    /// The gauge as runs of text and role, `width` cells in all.
    static func runs(_ gauge: Gauge, width: Int, ascii: Bool) -> [(String, Role)] {
        guard width > 0 else { return [] }
        switch gauge {
        case .level(let fraction, let clipped):
            if clipped { return [(String(repeating: ascii ? "#" : "█", count: width - 1), .ok), (ascii ? ">" : "▶", .warning)] }
            let filled = BlockFill.cells(fraction, width: width, ascii: ascii)
            return [(filled, .ok), (String(repeating: ascii ? "." : "░", count: width - DisplayWidth.of(filled)), .dim)]
        case .charge(let start, let now, let limit):
            return chargeRuns(start: start, now: now, limit: limit, width: width, ascii: ascii)
        }
    }

    private static func chargeRuns(start: Double?, now: Double, limit: Double?, width: Int, ascii: Bool) -> [(String, Role)] {
        func cell(_ share: Double) -> Int { min(width, max(0, Int((share * Double(width)).rounded()))) }
        let startCell = cell(start ?? 0)
        let nowCell = max(startCell, cell(now))
        // A limit of 100 % is the bar's end: no mark needed.
        let limitCell = limit.flatMap { $0 < 1 ? min(width - 1, cell($0)) : nil }
        let kinds: [(mark: String, role: Role)] = ascii
            ? [(":", .dim), ("#", .ok), ("-", .dim), ("|", .accent), (".", .dim)]
            : [("▒", .dim), ("█", .ok), ("░", .dim), ("│", .accent), ("·", .dim)]
        var runs: [(String, Role)] = []
        for index in 0..<width {
            let kind: Int
            if index == limitCell { kind = 3 }
            else if index < startCell { kind = 0 }
            else if index < nowCell { kind = 1 }
            else if let limitCell, index > limitCell { kind = 4 }
            else { kind = 2 }
            if let last = runs.last, last.1 == kinds[kind].role, last.0.hasSuffix(kinds[kind].mark) {
                runs[runs.count - 1].0 += kinds[kind].mark
            } else {
                runs.append((kinds[kind].mark, kinds[kind].role))
            }
        }
        return runs
    }
}
