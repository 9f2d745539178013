import ChargEyeAPI
public import ViewModels

/// The whole screen for a state: header, list, detail, status bar and any overlay.
public enum Screen {
    /// The message shown when the terminal is below the minimum size.
    public static let tooSmallMessage = "terminal too small (need \(Layout.minimumWidth)x\(Layout.minimumHeight))"

    public static func draw(_ state: AppState, glyphs: Glyphs = .unicode) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        let layout = Layout(width: state.width, height: state.height, detailFocused: state.focus == .detail, detailHidden: state.detailHidden)
        guard layout.arrangement != .tooSmall else {
            let text = DisplayWidth.truncate(tooSmallMessage, to: state.width)
            grid.put(text, x: max(0, (state.width - DisplayWidth.of(text)) / 2), y: state.height / 2, role: .warning)
            return grid
        }
        HeaderView.draw(state.header, in: layout.header, glyphs: glyphs, into: &grid)
        ListPaneView.draw(state.listPane, summary: state.fleetSummary, in: layout.list, glyphs: glyphs, into: &grid)
        DetailPaneView.draw(state.detailPane, in: layout.detail, glyphs: glyphs, into: &grid)
        if let log = state.requestLogPane {
            RequestLogView.draw(log, in: layout.body, glyphs: glyphs, into: &grid)
        } else if let console = state.consolePane {
            ConsoleView.draw(console, in: layout.body, glyphs: glyphs, into: &grid)
        } else if let help = state.helpOverlay {
            HelpOverlayView.draw(help, in: layout.body, glyphs: glyphs, into: &grid)
        } else if let error = state.errorPane {
            ErrorPaneView.draw(error, in: layout.body, glyphs: glyphs, into: &grid)
        }
        StatusBarView.draw(state.statusBar, in: layout.status, into: &grid)
        return grid
    }
}

