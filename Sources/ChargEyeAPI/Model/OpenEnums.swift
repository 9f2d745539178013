/// An enum from the API that may carry values newer than this client knows: the known value
/// when there is one, and always the raw text.
public protocol OpenEnumValue: Sendable {
    /// The known values.
    associatedtype Known: RawRepresentable<String>
    /// The value, when it is one chargeye knows.
    var value1: Known? { get }
    /// The raw text as received.
    var value2: String? { get }
    /// The generated memberwise initializer.
    init(value1: Known?, value2: String?)
}

// Inlinable, so each module gets them specialised for the concrete enum: a fleet's list asks
// for tens of thousands of statuses, and the unspecialised form looks up type metadata each time.
extension OpenEnumValue {
    /// The raw text as received (for display and output).
    @inlinable public var text: String { value2 ?? value1?.rawValue ?? "" }
    /// The known value, or nil for text this client does not know.
    @inlinable public var known: Known? { value1 ?? value2.flatMap(Known.init(rawValue:)) }

    /// Wraps any text, known or not.
    @inlinable public init(_ text: String) { self.init(value1: Known(rawValue: text), value2: text) }
}

extension Components.Schemas.StationStatus: OpenEnumValue {}
extension Components.Schemas.OnlineStatus: OpenEnumValue {}
extension Components.Schemas.ConnectorStatus: OpenEnumValue {}
extension Components.Schemas.ConnectorType: OpenEnumValue {}
extension Components.Schemas.TransactionStatus: OpenEnumValue {}
extension Components.Schemas.PowerLimitation: OpenEnumValue {}
extension Components.Schemas.OperationalStatus: OpenEnumValue {}
extension Components.Schemas.TriggerReason: OpenEnumValue {}
extension Components.Schemas.StartReason: OpenEnumValue {}
extension Components.Schemas.EndReason: OpenEnumValue {}
extension Components.Schemas.AuthorizationMethod: OpenEnumValue {}
extension Components.Schemas.IdTokenType: OpenEnumValue {}
extension Components.Schemas.TechnicalFailClassification: OpenEnumValue {}
extension Components.Schemas.EvCommunicationStandard: OpenEnumValue {}
extension Components.Schemas.PaymentState: OpenEnumValue {}
extension Components.Schemas.ConnectionType: OpenEnumValue {}
extension Components.Schemas.ChargingPhase: OpenEnumValue {}
extension Components.Schemas.Access: OpenEnumValue {}
extension Components.Schemas.ParkingType: OpenEnumValue {}
extension Components.Schemas.Hvac: OpenEnumValue {}
