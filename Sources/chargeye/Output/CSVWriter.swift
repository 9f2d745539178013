import ChargEyeText
import ChargEyeAPI

/// RFC 4180 CSV: a header of API field names, then one line per record. Cells are sanitized
/// (no control characters or escape sequences reach the terminal or the file).
enum CSVWriter {
    static func render(header: [String], rows: [[String]]) -> String {
        lines([header] + rows)
    }

    /// Records as CSV lines, each ending in CRLF.
    static func lines(_ records: [[String]]) -> String {
        records.map { $0.map(quote).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func quote(_ value: String) -> String {
        let clean = TextSanitizer.clean(value)
        guard clean.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || clean.hasPrefix(" ") || clean.hasSuffix(" ") else {
            return clean
        }
        return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
