/// A decoded value with its JSON as the server sent it (nil when it could not be sliced from
/// the answer); tables use `value`, lossless JSON output uses `json`.
public struct Sourced<Value: Sendable>: Sendable {
    /// The typed value.
    public var value: Value
    /// The value's own JSON.
    public var json: RawJSON?

    /// Pairs a value with its JSON.
    public init(_ value: Value, json: RawJSON?) {
        self.value = value
        self.json = json
    }
}

extension Sourced: Encodable where Value: Encodable {
    /// Encodes the typed value (used only when `json` is nil).
    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
