import ChargEyeMonitoring
import Testing

/// The range syntax of the Monitoring Plugins guidelines, row by row, plus chargeye's `%`.
@Suite("Plugin threshold ranges")
struct PluginRangeTests {
    @Test("the guidelines' table: alert outside the range, or inside with @", arguments: [
        ("10", [-1.0: true, 0: false, 10: false, 10.5: true]),
        ("10:", [9.9: true, 10: false, 1e9: false]),
        ("~:10", [-1e9: false, 10: false, 11: true]),
        ("10:20", [9: true, 10: false, 20: false, 21: true]),
        ("@10:20", [9: false, 10: true, 20: true, 21: false]),
        ("0", [0: false, 1: true]),
        ("1:", [0: true, 1: false]),
    ])
    func guidelines(range: String, expectations: [Double: Bool]) throws {
        let parsed = try PluginRange(range)
        for (value, alerts) in expectations {
            #expect(parsed.alerts(value) == alerts, "\(range) at \(value)")
        }
        #expect(parsed.description == range)
    }

    @Test("a percentage range compares the share of the total; an empty total is 0 %")
    func percent() throws {
        let range = try PluginRange("5%")
        #expect(range.isPercent)
        #expect(!range.alerts(count: 5, of: 100))
        #expect(range.alerts(count: 6, of: 100))
        #expect(!range.alerts(count: 0, of: 0))
        #expect(!(try PluginRange("10%:")).alerts(count: 0, of: 0), "a share of nothing never alerts; its thresholds in counts are 0")
        #expect(range.inCounts(of: 154).description == "7.7")
        #expect(try PluginRange("@10%:20%").inCounts(of: 50).description == "@5:10")
        #expect(try PluginRange("~:20%").alerts(count: 3, of: 10))
    }

    @Test("what does not parse says why", arguments: [
        ("", "empty"), ("abc", "not a number"), ("20:10", "starts above its end"), ("5%:10", "mixes percentages"),
        ("150%", "0% to 100%"), ("1e3", "not a number"), ("inf", "not a number"), ("@", "not a number"),
    ])
    func errors(text: String, reason: String) {
        #expect {
            try PluginRange(text)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test("thresholds are MEASURE=RANGE lists; either option replaces every default")
    func thresholds() throws {
        #expect(try CheckThresholds(warning: [], critical: []) == .defaults)
        let parsed = try CheckThresholds(warning: ["offline=5,faulted-connectors=2%"], critical: ["stations=1:"])
        #expect(parsed.warning[.offline] == PluginRange(start: 0, end: 5))
        #expect(parsed.warning[.faultedConnectors]?.isPercent == true)
        #expect(parsed.critical == [.stations: PluginRange(start: 1, end: nil)])
        #expect { try CheckThresholds(warning: ["offline"], critical: []) } throws: { "\($0)".contains("MEASURE=RANGE") }
        #expect { try CheckThresholds(warning: ["broken=1"], critical: []) } throws: { "\($0)".contains("unknown measure \"broken\"") }
        #expect { try CheckThresholds(warning: [], critical: ["offline=x"]) } throws: { "\($0)".contains("--critical offline") }
    }
}
