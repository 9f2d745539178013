/// A site (generated from `#/components/schemas/Location`).
public typealias Location = Components.Schemas.Location
/// The live view of a charging station, with connectors and their sessions.
public typealias Station = Components.Schemas.StationInfo
/// A connector of a live station.
public typealias Connector = Components.Schemas.ConnectorInfo
/// A connector's current session, or its previous one when idle.
public typealias ConnectorSession = Components.Schemas.ConnectorTransaction
/// The asset (administrative) view of a charging station.
public typealias StationAsset = Components.Schemas.LocationChargingStation
/// One charging transaction.
public typealias Transaction = Components.Schemas.Transaction
/// Totals returned with a page of transactions.
public typealias TransactionsSummary = Components.Schemas.TransactionsSummary
/// A vehicle of a depot's registry.
public typealias Vehicle = Components.Schemas.Vehicle
