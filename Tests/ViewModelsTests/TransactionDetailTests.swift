import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

/// The transaction detail shows what an operator checks when a session went wrong, grouped,
/// with units, and nothing for what the server did not send.
@Suite("Transaction detail")
struct TransactionDetailTests {
    private func detail(of transaction: Transaction) throws -> [DetailPane.Line] {
        var (state, id) = try Fixtures.transactionsState()
        _ = state.update(.loaded(id, .success(.transactions(.init(transactions: [transaction], summary: nil, next: nil)))))
        return state.detailPane.lines
    }

    private func value(_ label: String, in lines: [DetailPane.Line]) -> String? {
        lines.first { $0.label == label }?.value
    }

    @Test("power in watts shows as kW; current, voltage, limits, temperatures and payment each under their heading")
    func groups() throws {
        var transaction = Fixtures.transaction("t1", minutesAgo: 30)
        transaction.power = 141_250
        transaction.current = 352.1
        transaction.voltage = 401.2
        transaction.evseMaxPowerKw = 400
        transaction.evMaximumPower = 150
        transaction.timeToBulk = 1260
        transaction.ambientTemp = 4.5
        transaction.pin1temp = 31
        transaction.paymentState = .init("COMMITTED")
        transaction.totalCostCents = 2184
        transaction.paymentCurrency = "EUR"
        transaction.paymentDetails = .init(cardScheme: "VISA", maskedCardNumber: "************1234")
        transaction.evCommunicationStandard = .init("ISO1")
        let lines = try detail(of: transaction)
        let headings = lines.filter { $0.role == .title }.map(\.value)
        #expect(headings.starts(with: ["Power", "Temperatures", "Vehicle and authorisation", "Payment"]))
        #expect(value("power now", in: lines) == "141.3 kW")
        #expect(value("current", in: lines) == "352.1 A")
        #expect(value("voltage", in: lines) == "401.2 V")
        #expect(value("EVSE max", in: lines) == "400 kW")
        #expect(value("EV max", in: lines) == "150 kW")
        #expect(value("to bulk", in: lines) == "21 min")
        #expect(value("ambient", in: lines) == "4.5 °C")
        #expect(value("pin 1", in: lines) == "31 °C")
        #expect(value("state", in: lines) == "COMMITTED")
        #expect(value("cost", in: lines) == "21.84 EUR")
        #expect(value("card", in: lines) == "VISA ************1234")
        #expect(value("protocol", in: lines) == "ISO1")
    }

    @Test("a transaction with none of the new fields shows no empty heading")
    func absentGroupsAreHidden() throws {
        let lines = try detail(of: Fixtures.transaction("t1", minutesAgo: 30))
        let headings = lines.filter { $0.role == .title }.map(\.value)
        #expect(!headings.contains("Power") && !headings.contains("Temperatures") && !headings.contains("Payment"))
        #expect(value("energy", in: lines) == "42.5 kWh")
    }
}

/// A station's hardware and licence come from the asset view, asked for once beside the live one.
@Suite("Station hardware detail")
struct HardwareDetailTests {
    @Test("opening a location asks for its asset records once; the station detail shows model, serial, firmware and licence")
    func hardware() throws {
        var state = Fixtures.loadedState()
        let opened = state.press(.enter)
        let (stationsID, _) = try #require(AppState.loadID(opened))
        let (hardwareID, request) = try #require(AppState.hardwareLoadID(opened))
        let location = try #require(state.current.kind.location)
        #expect(request == .stationAssets(locationUid: location.id))
        _ = state.update(.loaded(stationsID, .success(.stations(Fixtures.stations))))
        #expect(state.detailPane.lines.contains { $0.value == "loading…" })
        let selected = try #require(state.current.selectedID)
        let asset = StationAsset(
            stationId: selected, model: "Kempower S-Series", firmwareVersion: "1.38.2",
            manufacturingInfo: .init(serialNumber: "KP24-018833"), licenseId: "lic-1"
        )
        _ = state.update(.loaded(hardwareID, .success(.stationAssets([asset]))))
        let lines = state.detailPane.lines
        #expect(lines.contains { $0.label == "serial" && $0.value == "KP24-018833" })
        #expect(lines.contains { $0.label == "licence" && $0.value == "lic-1" })
        #expect(lines.contains { $0.label == "firmware" && $0.value == "1.38.2" })
        // A live refresh does not ask again.
        _ = state.update(.tick(Fixtures.start.addingTimeInterval(120)))
        #expect(!state.requests.entries.values.contains { if case .hardware = $0.purpose { true } else { false } })
    }

    @Test("a refused asset view only says so in the detail; no error pane")
    func refused() throws {
        var state = Fixtures.loadedState()
        let opened = state.press(.enter)
        let (stationsID, _) = try #require(AppState.loadID(opened))
        let (hardwareID, _) = try #require(AppState.hardwareLoadID(opened))
        _ = state.update(.loaded(stationsID, .success(.stations(Fixtures.stations))))
        let forbidden = ChargEyeError.http(.init(request: .init(method: "GET", path: "/locations/L1/stations"), status: 403, serverMessage: "No licence"))
        _ = state.update(.loaded(hardwareID, .failure(forbidden)))
        #expect(state.mode == .browse)
        #expect(state.detailPane.lines.contains { $0.value == "not available: HTTP 403 — r retries" })
        let (again, _) = try #require(AppState.hardwareLoadID(state.press(.character("r"))), "r asks again")
        _ = state.update(.loaded(again, .success(.stationAssets([]))))
        #expect(state.current.hardware == .loaded([:]))
    }
}
