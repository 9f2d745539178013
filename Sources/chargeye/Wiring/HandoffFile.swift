import ChargEyeAPI
import Foundation

/// Writes support hand-offs to `$XDG_STATE_HOME/chargeye/` (default `~/.local/state/chargeye/`):
/// directory 0700, file 0600, whatever the umask; the text is passed through the secret
/// redactor once more before it is written.
enum HandoffFile {
    static func directory() -> URL {
        XDGDirectory.state.url()
    }

    static func write(_ text: String) throws -> String {
        let directory = directory()
        try PrivateFiles.makeDirectory(directory)
        let stamp = Date().formatted(.iso8601.year().month().day().dateSeparator(.omitted).time(includingFractionalSeconds: false).timeSeparator(.omitted))
        let path = directory.appendingPathComponent("handoff-\(stamp).txt").path
        try PrivateFiles.writeAtomically(Data(SecretRedactor.shared.redact(text).utf8), to: path)
        return path
    }
}
