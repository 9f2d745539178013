import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

@Suite("Live gauges in the detail pane and the roll-up's bar")
struct GaugeTests {
    /// The browser on one location's stations, the first selected.
    static func stationsState(_ stations: [Station]) throws -> AppState {
        var state = Fixtures.loadedState(width: 120, height: 40)
        let (id, _) = try #require(AppState.loadID(state.press(.enter)))
        _ = state.update(.loaded(id, .success(.stations(stations))))
        return state
    }

    static func station(power: Double?, max: Double?, connectors: [Connector] = []) -> Station {
        Station(stationId: "S1", name: "Hall A", status: .init("Operative"), onlineStatus: .init("Online"),
                connectors: connectors, maxPowerKw: max, currentPowerKw: power)
    }

    static func line(_ label: String, in pane: DetailPane) -> (value: String, gauge: Gauge?)? {
        guard let index = pane.lines.firstIndex(where: { $0.label == label }) else { return nil }
        let next = pane.lines.index(after: index)
        return (pane.lines[index].value, next < pane.lines.count ? pane.lines[next].gauge : nil)
    }

    @Test("a station's power now against its maximum, in words and as a gauge")
    func stationPower() throws {
        let pane = try Self.stationsState([Self.station(power: 150, max: 600)]).detailPane
        let power = try #require(Self.line("power now", in: pane))
        #expect(power.value == "150 of 600 kW (25 %)")
        #expect(power.gauge == .level(fraction: 0.25, clipped: false))
    }

    @Test("an unknown maximum falls back to the connectors' sum; with none at all, no gauge")
    func unknownMaximum() throws {
        let connectors = [Fixtures.connector("1", "Charging"), Fixtures.connector("2", "Available")]
        let summed = try Self.stationsState([Self.station(power: 200, max: 0, connectors: connectors)]).detailPane
        #expect(Self.line("power now", in: summed)?.value == "200 of ≤800 kW (≥25 %)", "the connectors' sum is only an upper bound")
        #expect(Self.line("power now", in: summed)?.gauge == .level(fraction: 0.25, clipped: false))
        let unknown = try Self.stationsState([Self.station(power: 200, max: nil)]).detailPane
        let power = try #require(Self.line("power now", in: unknown))
        #expect(power.value == "200 kW")
        #expect(power.gauge == nil)
    }

    @Test("hostile readings: above the maximum is clipped, negative is empty, not a number is left out", arguments: [
        (900.0, Gauge?.some(.level(fraction: 1, clipped: true))),
        (-5.0, Gauge?.some(.level(fraction: 0, clipped: false))),
        (Double.nan, Gauge?.none),
        (Double.infinity, Gauge?.none),
    ])
    func hostilePower(reading: Double, expected: Gauge?) throws {
        let pane = try Self.stationsState([Self.station(power: reading, max: 600)]).detailPane
        #expect(Self.line("power now", in: pane)?.gauge == expected)
        #expect(!pane.lines.contains { $0.gauge != nil && $0.label != "" })
    }

    @Test("a maximum so small the share overflows, or a reading past any whole number, reads as text and never traps")
    func absurdMaximum() throws {
        let tiny = try Self.stationsState([Self.station(power: 100, max: 1e-15)]).detailPane
        #expect(Self.line("power now", in: tiny)?.value == "100 of 1e-15 kW (>999 %)")
        #expect(Self.line("power now", in: tiny)?.gauge == .level(fraction: 1, clipped: true))
        let huge = try Self.stationsState([Self.station(power: 1e19, max: 600)]).detailPane
        #expect(Self.line("power now", in: huge)?.value == "1e+19 of 600 kW (>999 %)")
    }

    /// The connector detail of a station whose connector 1 has `session`.
    static func connectorPane(_ session: ConnectorSession, maximum: Double = 400, actual: Double? = 397.6) throws -> DetailPane {
        let connector = Connector(connectorId: .case2("1"), _type: .init("CCS"), status: .init("Charging"), maxPowerKw: maximum, maxPowerKwActual: actual, latestTransaction: session)
        var state = try stationsState([station(power: 142.8, max: 600, connectors: [connector])])
        _ = state.press(.enter)
        return state.detailPane
    }

    @Test("a live session: state of charge from its start through now to its limit, and power against the connector")
    func liveSession() throws {
        let pane = try Self.connectorPane(ConnectorSession(
            txId: "tx-1", status: .init("Charging"), startTime: Fixtures.start.addingTimeInterval(-1200), powerKw: 142.8, soc: 64, socInitial: 21, socLimit: 80
        ))
        let charge = try #require(Self.line("SoC", in: pane))
        #expect(charge.value == "64 % (from 21 %, limit 80 %)")
        #expect(charge.gauge == .charge(start: 0.21, now: 0.64, limit: 0.8))
        let power = try #require(Self.line("power", in: pane))
        #expect(power.value == "142.8 of 397.6 kW (36 %)")
        #expect(power.gauge == .level(fraction: 142.8 / 397.6, clipped: false))
    }

    @Test("a connector whose unrounded maximum is 0 is measured against its rounded one")
    func zeroActualMaximum() throws {
        let session = ConnectorSession(txId: "tx-1", status: .init("Charging"), powerKw: 100, soc: 50)
        let pane = try Self.connectorPane(session, maximum: 400, actual: 0)
        #expect(Self.line("power", in: pane)?.value == "100 of 400 kW (25 %)")
        #expect(Self.line("power", in: pane)?.gauge == .level(fraction: 0.25, clipped: false))
    }

    @Test("a session with an end time is over whatever its status says: no gauges, and the hand-off has no blank gauge lines")
    func endTimeEndsASession() throws {
        let pane = try Self.connectorPane(ConnectorSession(txId: "tx-1", status: .init("Charging"), endTime: Fixtures.start, powerKw: 50, soc: 70))
        #expect(pane.lines.contains { $0.value == "Previous session" })
        #expect(!pane.lines.contains { $0.gauge != nil })
        let live = try Self.stationsState([Self.station(power: 150, max: 600)])
        #expect(live.detailPane.lines.contains { $0.gauge != nil })
        let spacers = live.detailPane.lines.filter { $0.label.isEmpty && $0.value.isEmpty && $0.gauge == nil }.count
        #expect(live.handoffReport.split(separator: "\n", omittingEmptySubsequences: false).filter { $0 == "  " }.count == spacers)
    }

    @Test("a connector row's power is its live session's, 0 once the session ended")
    func rowPower() throws {
        let ended = Connector(connectorId: .case2("1"), _type: .init("CCS"), status: .init("Available"), maxPowerKw: 400,
                              latestTransaction: ConnectorSession(txId: "tx-1", status: .init("Ended"), endTime: Fixtures.start, powerKw: 50))
        var state = try Self.stationsState([Self.station(power: 0, max: 400, connectors: [ended])])
        _ = state.press(.enter)
        #expect(state.listPane.rows.first?.cells[3] == "0/400")
    }

    @Test("an ended session keeps its figures but draws no gauge")
    func endedSession() throws {
        let pane = try Self.connectorPane(ConnectorSession(
            txId: "tx-1", status: .init("Ended"), endTime: Fixtures.start, powerKw: 0, soc: 80, socInitial: 21, socLimit: 80
        ))
        #expect(pane.lines.contains { $0.value == "Previous session" })
        #expect(Self.line("SoC", in: pane)?.value == "80 % (from 21 %, limit 80 %)")
        #expect(!pane.lines.contains { $0.gauge != nil })
    }

    @Test("a state of charge out of range draws no bar; a start above now or a limit out of range is left off the bar")
    func hostileStateOfCharge() {
        #expect(Gauge.stateOfCharge(start: 20, now: 140, limit: 80) == nil)
        #expect(Gauge.stateOfCharge(start: 20, now: .nan, limit: 80) == nil)
        #expect(Gauge.stateOfCharge(start: 70, now: 50, limit: 180) == .charge(start: nil, now: 0.5, limit: nil))
        #expect(Gauge.stateOfCharge(start: nil, now: 0, limit: 100) == .charge(start: nil, now: 0, limit: 1))
    }

    @Test("a live transaction's detail has the same gauges, power in watts against the EVSE's maximum")
    func liveTransaction() {
        let item = Transaction(txId: "tx-9", stationId: "S1", status: .init("Charging"), startTime: Fixtures.start.addingTimeInterval(-600),
                               soc: 64, socStart: 21, socLimit: 80, power: 100_000, evseMaxPowerKw: 400)
        let builder = DetailBuilder(now: Fixtures.start, zone: Fixtures.utc, openKey: "Enter", retryKey: "r")
        let (_, lines) = builder.transaction(item, summary: nil)
        let pane = DetailPane(title: "", lines: lines, scroll: 0, isFocused: false)
        #expect(Self.line("SoC", in: pane)?.gauge == .charge(start: 0.21, now: 0.64, limit: 0.8))
        #expect(Self.line("power now", in: pane)?.value == "100 of 400 kW (25 %)")
        #expect(Self.line("power now", in: pane)?.gauge == .level(fraction: 0.25, clipped: false))
    }

    @Test("the roll-up's bar counts connectors by kind of status, worst first, kinds with none left out")
    func shares() throws {
        let state = try Self.stationsState(Fixtures.stations)
        let summary = try #require(state.fleetSummary)
        #expect(summary.shares == [.init(kind: .fault, count: 1), .init(kind: .inUse, count: 1), .init(kind: .free, count: 1)])
        #expect(FleetSummary.ShareKind(connectorStatus: "Exploded") == .attention)
        #expect(FleetSummary.ShareKind(connectorStatus: "Unknown") == .attention)
        #expect(FleetSummary.ShareKind(connectorStatus: "Faulted") == .fault)
        #expect(FleetSummary.ShareKind(connectorStatus: "Available") == .free)
        #expect(FleetSummary.ShareKind(connectorStatus: "Unavailable") == .attention)
        #expect(FleetSummary.ShareKind(connectorStatus: "Reserved") == .inUse)
    }

    @Test("a status this version does not know needs attention on the line too: it is never dropped as healthy")
    func unknownStatusOnTheLine() throws {
        let odd = Station(stationId: "S9", name: "Odd", status: .init("Operative"), onlineStatus: .init("Online"),
                          connectors: [Fixtures.connector("1", "Défaillant"), Fixtures.connector("2", "Available")], maxPowerKw: 400)
        let summary = try #require(try Self.stationsState([odd]).fleetSummary)
        let segment = try #require(summary.segments.first { $0.text == "1 Défaillant" })
        #expect(segment.role == .warning && segment.shortText == "1 Défaillant")
        #expect(summary.shares.map(\.kind) == [.attention, .free])
    }
}
