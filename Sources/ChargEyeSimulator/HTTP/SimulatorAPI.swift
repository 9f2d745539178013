import ChargEyeAPI
import Foundation
import OpenAPIRuntime

/// The generated server protocol, answered from the seeded fleet. Credentials and faults are
/// handled before a request gets here (`GatewayMiddleware`).
struct SimulatorAPI: APIProtocol {
    let fleet: Fleet
    let authority: TokenAuthority
    let now: @Sendable () -> Date
    /// Answer 400 to `GET /stations` without a filter.
    var requireStationFilter = false

    /// Transactions per page, like a DynamoDB-backed API's default page.
    static let pageSize = 25

    func refreshAccessToken(_ input: Operations.RefreshAccessToken.Input) async throws -> Operations.RefreshAccessToken.Output {
        let issued = authority.issue(now: now())
        return .ok(.init(body: .json(.init(token: issued.token, validUntil: issued.validUntil))))
    }

    func listLocations(_ input: Operations.ListLocations.Input) async throws -> Operations.ListLocations.Output {
        .ok(.init(body: .json(.init(locations: Array(fleet.locations)))))
    }

    func getLocation(_ input: Operations.GetLocation.Input) async throws -> Operations.GetLocation.Output {
        guard let index = fleet.index(of: input.path.locationUid) else {
            return .notFound(.init(body: .json(Self.error("Location \(input.path.locationUid) not found"))))
        }
        let location = fleet.locations[index]
        // Some sources show the bare object (facts D13); a varying simulator answers both ways.
        if fleet.generator.variance, index % 3 == 2 { return .ok(.init(body: .json(.Location(location)))) }
        return .ok(.init(body: .json(.LocationEnvelope(.init(location: location)))))
    }

    func getLocationStations(_ input: Operations.GetLocationStations.Input) async throws -> Operations.GetLocationStations.Output {
        guard let assets = fleet.assets(locationUid: input.path.locationUid) else {
            return .notFound(.init(body: .json(Self.error("Location \(input.path.locationUid) not found"))))
        }
        return .ok(.init(body: .json(.init(stations: assets))))
    }

    func listStations(_ input: Operations.ListStations.Input) async throws -> Operations.ListStations.Output {
        if let ids = input.query.stationIds, !ids.isEmpty {
            return .ok(.init(body: .json(.init(stations: fleet.stations(ids: ids, now: now())))))
        }
        guard let locationUid = input.query.locationUid, !locationUid.isEmpty else {
            if requireStationFilter {
                return .badRequest(.init(body: .json(Self.error("locationUid or stationIds is required"))))
            }
            // Neither filter: every station the caller can see (facts S1).
            return .ok(.init(body: .json(.init(stations: fleet.allStations(now: now())))))
        }
        guard let stations = fleet.stations(locationUid: locationUid, now: now()) else {
            return .notFound(.init(body: .json(Self.error("Location \(locationUid) not found"))))
        }
        return .ok(.init(body: .json(.init(stations: stations))))
    }

    func getTransactions(_ input: Operations.GetTransactions.Input) async throws -> Operations.GetTransactions.Output {
        guard var transactions = fleet.transactions(stationId: input.path.stationId) else {
            return .notFound(.init(body: .json(Self.error("Charging station \(input.path.stationId) not found"))))
        }
        let from = input.query.startDate, to = input.query.endDate
        if let from, let to, from > to {
            return .badRequest(.init(body: .json(Self.error("startDate must not be after endDate"))))
        }
        transactions.removeAll { transaction in
            guard let start = transaction.startTime else { return true }
            return (from.map { start < $0 } ?? false) || (to.map { start >= $0 } ?? false)
        }
        var offset = 0
        if let key = input.query.exclusiveStartKey, !key.isEmpty {
            guard let txId = Self.cursorTxId(key) else {
                return .badRequest(.init(body: .json(Self.error("exclusiveStartKey must be the lastEvaluatedKey object of the previous page, as JSON"))))
            }
            guard let position = transactions.firstIndex(where: { $0.txId == txId }) else {
                return .badRequest(.init(body: .json(Self.error("exclusiveStartKey does not match any transaction of this station"))))
            }
            offset = position + 1
        }
        let page = Array(transactions[offset..<min(transactions.count, offset + Self.pageSize)])
        let more = offset + page.count < transactions.count
        return .ok(.init(body: .json(.init(
            transactions: page,
            summary: Self.summary(of: transactions),
            lastEvaluatedKey: more ? try page.last.map(Self.cursor(for:)) : nil
        ))))
    }

    func listVehicles(_ input: Operations.ListVehicles.Input) async throws -> Operations.ListVehicles.Output {
        guard let locationUid = input.query.locationUid, !locationUid.isEmpty else {
            // Undocumented either way; answered like the stations call: the caller's whole registry.
            return .ok(.init(body: .json(.init(vehicles: fleet.allVehicles()))))
        }
        guard let vehicles = fleet.vehicles(locationUid: locationUid) else {
            return .notFound(.init(body: .json(Self.error("Location \(locationUid) not found"))))
        }
        return .ok(.init(body: .json(.init(vehicles: vehicles))))
    }

    // MARK: Helpers

    private static func error(_ message: String) -> Components.Schemas.ErrorBody {
        .init(errorMessage: message)
    }

    private static func summary(of transactions: [Components.Schemas.Transaction]) -> Components.Schemas.TransactionsSummary {
        .init(
            count: Double(transactions.count),
            chargedEnergyKwh: (transactions.compactMap(\.chargedEnergyKwh).reduce(0, +) * 10).rounded() / 10,
            chargingTimeMs: transactions.compactMap(\.chargingDurationMs).reduce(0, +),
            occupiedTimeMs: transactions.compactMap(\.sessionDurationMs).reduce(0, +)
        )
    }

    private static func cursor(for transaction: Components.Schemas.Transaction) throws -> Components.Schemas.TransactionPage.LastEvaluatedKeyPayload {
        let key = try OpenAPIObjectContainer(unvalidatedValue: [
            "stationId": transaction.stationId ?? "",
            "startTime": (transaction.startTime ?? Date()).formatted(.iso8601),
            "txId": transaction.txId,
        ])
        return .init(additionalProperties: key)
    }

    private static func cursorTxId(_ json: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        return object["txId"] as? String
    }
}

