import Foundation
import OpenAPIRuntime

/// One page of a station's transactions.
public struct TransactionPage: Sendable, Equatable {
    /// The transactions on this page.
    public var transactions: [Transaction]
    /// Totals the server returned with the page, if any.
    public var summary: TransactionsSummary?
    /// Where the next page starts; nil on the last page.
    public var next: TransactionCursor?

    /// Creates a page.
    public init(transactions: [Transaction], summary: TransactionsSummary?, next: TransactionCursor?) {
        self.transactions = transactions
        self.summary = summary
        self.next = next
    }
}

/// The API's `lastEvaluatedKey`, kept as the JSON text that goes back in `exclusiveStartKey`.
public struct TransactionCursor: Sendable, Hashable, CustomStringConvertible {
    /// The key as compact JSON text.
    public let json: String

    /// Wraps JSON text.
    public init(json: String) {
        self.json = json
    }

    init?(_ key: Components.Schemas.TransactionPage.LastEvaluatedKeyPayload?) {
        guard let key, !key.additionalProperties.value.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(key.additionalProperties) else { return nil }
        json = String(decoding: data, as: UTF8.self)
    }

    /// The JSON text.
    public var description: String { json }
}
