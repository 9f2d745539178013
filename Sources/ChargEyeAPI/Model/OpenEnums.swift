/// An enum from the API that may carry values newer than this client knows: the known value
/// when there is one, and always the raw text.
public protocol OpenEnumValue: Sendable {
    /// The known values.
    associatedtype Known: RawRepresentable<String>
    /// The value, when it is one chargeye knows.
    var value1: Known? { get }
    /// The raw text as received.
    var value2: String? { get }
}

extension OpenEnumValue {
    /// The raw text as received (for display and output).
    public var text: String { value2 ?? value1?.rawValue ?? "" }
    /// The known value, or nil for text this client does not know.
    public var known: Known? { value1 ?? value2.flatMap(Known.init(rawValue:)) }
}

extension Components.Schemas.StationStatus: OpenEnumValue {
    /// Wraps any text.
    public init(_ text: String) { self.init(value1: .init(rawValue: text), value2: text) }
}
extension Components.Schemas.OnlineStatus: OpenEnumValue {
    /// Wraps any text.
    public init(_ text: String) { self.init(value1: .init(rawValue: text), value2: text) }
}
extension Components.Schemas.ConnectorStatus: OpenEnumValue {
    /// Wraps any text.
    public init(_ text: String) { self.init(value1: .init(rawValue: text), value2: text) }
}
extension Components.Schemas.ConnectorType: OpenEnumValue {
    /// Wraps any text.
    public init(_ text: String) { self.init(value1: .init(rawValue: text), value2: text) }
}
extension Components.Schemas.TransactionStatus: OpenEnumValue {
    /// Wraps any text.
    public init(_ text: String) { self.init(value1: .init(rawValue: text), value2: text) }
}
extension Components.Schemas.PowerLimitation: OpenEnumValue {
    /// Wraps any text.
    public init(_ text: String) { self.init(value1: .init(rawValue: text), value2: text) }
}
extension Components.Schemas.OperationalStatus: OpenEnumValue {
    /// Wraps any text.
    public init(_ text: String) { self.init(value1: .init(rawValue: text), value2: text) }
}
