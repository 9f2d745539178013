import ChargEyeText
public import ViewModels

/// The whole screen for a state: header, list, detail, status bar and any overlay.
public enum Screen {
    /// The message shown when the terminal is below the minimum size.
    public static let tooSmallMessage = "terminal too small (need \(Layout.minimumWidth)x\(Layout.minimumHeight))"

    public static func draw(_ state: AppState, glyphs: Glyphs = .unicode) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        let layout = state.layout
        guard layout.arrangement != .tooSmall else {
            let text = DisplayWidth.truncate(tooSmallMessage, to: state.width)
            grid.put(text, x: max(0, (state.width - DisplayWidth.of(text)) / 2), y: state.height / 2, role: .warning)
            return grid
        }
        // On a terminal that is not UTF-8 every text becomes ASCII before it is measured; on a
        // UTF-8 one the panes are drawn as they are.
        let ascii = glyphs.isASCII
        func text<Pane: PaneText>(_ pane: Pane) -> Pane {
            ascii ? pane.mappingText(ASCIIText.text, keys: ASCIIText.keys) : pane
        }
        HeaderView.draw(text(state.header), in: layout.header, glyphs: glyphs, into: &grid)
        ListPaneView.draw(text(state.listPane), summary: state.fleetSummary.map(text), in: layout.list, glyphs: glyphs, into: &grid)
        DetailPaneView.draw(text(state.detailPane), in: layout.detail, glyphs: glyphs, into: &grid)
        if let log = state.requestLogPane {
            RequestLogView.draw(text(log), in: layout.body, rows: layout.requestLogRows, glyphs: glyphs, into: &grid)
        } else if let chart = state.usageChartPane {
            UsageChartView.draw(text(chart), in: layout.body, glyphs: glyphs, into: &grid)
        } else if let console = state.consolePane {
            ConsoleView.draw(text(console), layout: layout, glyphs: glyphs, into: &grid)
        } else if let help = state.helpOverlay {
            HelpOverlayView.draw(text(help), in: layout.body, glyphs: glyphs, into: &grid)
        } else if let error = state.errorPane {
            ErrorPaneView.draw(text(error), layout: layout, glyphs: glyphs, into: &grid)
        }
        StatusBarView.draw(text(state.statusBar), in: layout.status, into: &grid)
        if ascii { grid.replaceNonASCII(with: ASCIIText.cell) }
        return grid
    }
}

