import ChargEyeText
import ViewModels

/// The browser's keys for `--help` and the man page: the same table as the help overlay and
/// the README (the standard key map, every context), in ASCII so any terminal and `man` show it.
enum KeyTable {
    static let help: String = {
        let rows = AppState.helpRows(.standard).map { (keys: ASCIIText.keys($0.keys), label: ASCIIText.text($0.label)) }
        let width = rows.map(\.keys.count).max() ?? 0
        let lines = rows.map { row in
            // A heading ("While filtering:") has no keys and starts its own group.
            row.keys.isEmpty ? "  \(row.label)" : "    " + row.keys.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + row.label
        }
        return (["Keys in the browser (remap them in the config's [keys] table):"] + lines).joined(separator: "\n")
    }()
}
