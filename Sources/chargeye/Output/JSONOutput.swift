import ChargEyeAPI
import Foundation
import Synchronization

/// JSON output. Items the server sent are printed from their own bytes (`RawJSON`), so every
/// field, null and number spelling comes out as it came, in the server's order; values of our
/// own (token reports) are encoded with the API's field names and timestamp format.
enum JSONOutput {
    static func render(_ value: some Encodable, sortedKeys: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = sortedKeys ? [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys] : [.prettyPrinted, .withoutEscapingSlashes]
        let transcoder = TolerantDateTranscoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try transcoder.encode(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// One item at `level`: its own JSON when there is one, else its typed form, with a
    /// warning (only when the answer could not be sliced: nesting deeper than 512 levels, or
    /// items that do not line up with the typed ones). Either way through `JSONIndenter`, so
    /// no character a terminal acts on goes out unescaped.
    static func item(_ item: some Encodable, source: RawJSON?, level: Int = 0) throws -> String {
        if let source { return source.pretty(level: level) }
        warnOnce()
        let typed = try render(item)
        return RawJSON(Array(typed.utf8))?.pretty(level: level) ?? typed
    }

    private static let warned = Mutex(false)

    private static func warnOnce() {
        guard !warned.withLock({ (seen: inout Bool) -> Bool in defer { seen = true }; return seen }) else { return }
        Standard.error("warning: the answer could not be printed exactly as sent; items are printed from chargeye's model, without the members it does not know")
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
