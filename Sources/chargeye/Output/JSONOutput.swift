import ChargEyeAPI
import Foundation

/// JSON output. Items the server sent are printed from their own bytes (`RawJSON`), so every
/// field, null and number spelling comes out as it came, in the server's order; values of our
/// own (token reports) are encoded with the API's field names and timestamp format.
enum JSONOutput {
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        let transcoder = TolerantDateTranscoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try transcoder.encode(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// One item at `level`: its own JSON when there is one, else its typed form (only when the
    /// answer could not be sliced, e.g. a member given twice, which the typed decoder allowed).
    static func item(_ item: some Encodable, source: RawJSON?, level: Int = 0) throws -> String {
        if let source { return source.pretty(level: level) }
        let typed = try render(item)
        guard level > 0 else { return typed }
        let indent = String(repeating: "  ", count: level)
        return typed.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : indent + $0.element }.joined(separator: "\n")
    }

    /// The items as one JSON array, each from its own JSON where `sources` has it
    /// (`sources` index for index with `items`).
    static func array<Item: Encodable>(_ items: [Item], sources: [RawJSON]?) throws -> String {
        guard !items.isEmpty else { return "[]" }
        let aligned = sources?.count == items.count ? sources : nil
        let elements = try items.indices.map { "  " + (try item(items[$0], source: aligned?[$0], level: 1)) }
        return "[\n" + elements.joined(separator: ",\n") + "\n]"
    }
}
