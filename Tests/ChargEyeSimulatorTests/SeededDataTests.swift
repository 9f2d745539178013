@testable import ChargEyeSimulator
import Testing

/// The seeded fleet stays the same fleet from one version to the next (demos, captures and
/// bug reports name its ids): values pinned from the version before the generators were
/// made faster.
@Suite("Seeded data does not drift")
struct SeededDataTests {
    @Test("session ids for a fixed seed are the ones earlier versions made")
    func uuids() {
        var random = SeededRandom(seed: 2024, 6, 1, 2)
        #expect(random.uuid() == "456c4560-3a2e-4273-a1da-c7107d27c0a9")
        #expect(random.uuid() == "ee70cb33-3568-482a-a1d9-c5c94e3b0b7a")
    }

    @Test("station ids are zero-padded as before, past the padding too")
    func stationIds() {
        #expect(FleetGenerator.zeroPadded(7, to: 3) == "007")
        #expect(FleetGenerator.zeroPadded(42, to: 2) == "42")
        #expect(FleetGenerator.zeroPadded(12_345, to: 3) == "12345")
        #expect(FleetGenerator.zeroPadded(0, to: 2) == "00")
    }
}
