import ChargEyeSimulator
import Foundation
import Testing

/// Four sessions around the end of summer time in Helsinki (25 October 2026, a 25-hour day):
/// one over local midnight, one plain, one ending before it starts, one of 1e9 kWh.
private let fixture = """
    {"transactions":[
    {"txId":"a","stationId":"S1","evseId":"1","startTime":"2026-10-24T20:00:00.000Z","endTime":"2026-10-24T22:00:00.000Z","chargedEnergyKwh":60,"maxPowerKw":100,"evseMaxPowerKw":150},
    {"txId":"b","stationId":"S1","evseId":2,"startTime":"2026-10-25T10:00:00.000Z","endTime":"2026-10-25T11:00:00.000Z","chargedEnergyKwh":50,"maxPowerKw":150,"evseMaxPowerKw":150},
    {"txId":"c","stationId":"S1","evseId":"1","startTime":"2026-10-25T15:00:00.000Z","endTime":"2026-10-25T14:00:00.000Z","chargedEnergyKwh":5},
    {"txId":"d","stationId":"S1","evseId":"1","startTime":"2026-10-26T08:00:00.000Z","endTime":"2026-10-26T09:00:00.000Z","chargedEnergyKwh":1e9}
    ],"summary":{"count":4,"chargedEnergyKwh":1000000115,"chargingTimeMs":0,"occupiedTimeMs":14400000}}
    """

extension CLITests {
    @Test("report against a hand-computed fixture: local days across a DST change, a session split at midnight, bad sessions left out and noted")
    func reportFixture() async throws {
        try await withServer { simulator, runner in
            simulator.addFault(FaultRule(path: "/chargingStations/S1/transactions", status: 200, body: fixture, times: nil))
            var runner = runner
            runner.environment["TZ"] = "Europe/Helsinki"
            runner.environment["LANG"] = "C"
            let arguments = ["report", "--station", "S1", "--from", "2026-10-24", "--to", "2026-10-27"]
            let csv = try await runner.run(arguments + ["--format", "csv"])
            #expect(csv.status == 0, "\(csv.stderr)")
            let all = csv.stdout.split(separator: "\r\n").filter { $0.hasPrefix(",") }
            #expect(all == [
                ",2026-10-24,2026-10-23T21:00:00.000Z,2026-10-24T21:00:00.000Z,1,30.000,0.000,1.000,0.0208,100.0",
                ",2026-10-25,2026-10-24T21:00:00.000Z,2026-10-25T22:00:00.000Z,1,80.000,0.000,2.000,0.0400,150.0",
                ",2026-10-26,2026-10-25T22:00:00.000Z,2026-10-26T22:00:00.000Z,1,0.000,0.000,1.000,0.0208,",
                ",total,2026-10-23T21:00:00.000Z,2026-10-26T22:00:00.000Z,3,110.000,0.000,4.000,0.0274,150.0",
            ])
            let table = try await runner.run(arguments + ["--bars"])
            #expect(table.status == 0)
            #expect(table.stdout.hasPrefix("Usage of station S1, 2026-10-24 to 2026-10-27 (Europe/Helsinki), by day\n"))
            #expect(table.stdout.contains("1 session with inconsistent times left out"))
            #expect(table.stdout.contains("1 session with impossible energy left out of energy"))
            #expect(table.stdout.utf8.allSatisfy { $0 < 0x80 }, "LANG=C: ASCII only")
            #expect(table.stdout.contains("##"))
            let json = try await runner.run(arguments + ["--format", "json"])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let issues = try #require(document["issues"] as? [String: Int])
            #expect(issues == ["inconsistentTimes": 1, "impossibleEnergy": 1])
        }
    }

    @Test("report on a demo location: every station's sessions add up, the API's summaries agree, bars fit 80 columns in UTF-8")
    func reportDemo() async throws {
        let locations = try await runner.run(["locations", "--demo", "--format", "csv"])
        let uid = String(try #require(locations.stdout.split(separator: "\r\n").dropFirst().first?.split(separator: ",").first))
        let json = try await runner.run(["report", "--location", uid, "--demo", "--format", "json", "--by", "week"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let stations = try #require(document["stations"] as? [[String: Any]])
        let total = try #require((document["total"] as? [String: Any])?["sessions"] as? Int)
        #expect(!stations.isEmpty && total > 0)
        #expect(stations.compactMap { ($0["total"] as? [String: Any])?["sessions"] as? Int }.reduce(0, +) == total)
        var runner = runner
        runner.environment["LANG"] = "C.UTF-8"
        runner.environment["COLUMNS"] = "80"
        let table = try await runner.run(["report", "--location", uid, "--demo", "--bars"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("█"))
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(table.stdout.contains("The API's summaries agree with this report's occupied time (\(stations.count) of \(stations.count) stations)."))
        #expect(try await runner.run(["report", "--demo"]).status == 2)
        #expect(try await runner.run(["report", "--station", "S1", "--format", "csv", "--bars", "--demo"]).status == 2)
    }
}
