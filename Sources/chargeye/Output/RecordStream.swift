import ChargEyeAPI
import Foundation

/// Writes a list as its pages arrive, so a long cursor walk shows progress, holds little, and
/// leaves everything that came on standard output if it fails later: table rows (column widths
/// fixed by the first page that has rows), CSV rows under one header, or the elements of one
/// JSON array (closed by `finish`, so what was written is valid JSON even when the walk failed).
final class RecordStream<Item: Encodable & SourcedItem> {
    private let format: OutputFormat
    private let width: Int?
    private let write: (String) -> Void
    private let table: ([Item]) -> TextTable
    private let csvHeader: [String]
    private let csvRow: (Item) -> [String]
    private var tableWidths: [Int]?
    private(set) var written = 0

    init(
        format: OutputFormat, width: Int?, write: @escaping (String) -> Void,
        table: @escaping ([Item]) -> TextTable, csvHeader: [String], csvRow: @escaping (Item) -> [String]
    ) {
        self.format = format
        self.width = width
        self.write = write
        self.table = table
        self.csvHeader = csvHeader
        self.csvRow = csvRow
    }

    /// Writes the next items (the header or the array's opening with the first of them).
    func add(_ items: [Item]) throws {
        guard !items.isEmpty else { return }
        switch format {
        case .table:
            let page = table(items)
            let widths = tableWidths ?? page.columnWidths(fitting: width)
            let lines = (tableWidths == nil ? [page.header(widths: widths)] : []) + page.lines(widths: widths)
            tableWidths = widths
            write(lines.joined(separator: "\n") + "\n")
        case .csv:
            write(CSVWriter.lines((written == 0 ? [csvHeader] : []) + items.map(csvRow)))
        case .json:
            let elements = try items.map { "  " + (try JSONOutput.item($0, source: $0.source, level: 1)) }
            write((written == 0 ? "[\n" : ",\n") + elements.joined(separator: ",\n"))
        }
        written += items.count
    }

    /// Ends the output: closes the JSON array (an empty list is `[]`), or writes the table's or
    /// the CSV's header alone when no item came.
    func finish() {
        guard written > 0 else {
            switch format {
            case .table: write(table([]).render(width: width) + "\n")
            case .csv: write(CSVWriter.lines([csvHeader]))
            case .json: write("[]\n")
            }
            return
        }
        if format == .json { write("\n]\n") }
    }
}

/// An item that may carry its JSON as the server sent it, for lossless `--format json`.
protocol SourcedItem {
    var source: RawJSON? { get }
}

extension Sourced: SourcedItem {
    var source: RawJSON? { json }
}
