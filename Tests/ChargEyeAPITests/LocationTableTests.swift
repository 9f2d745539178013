import ChargEyeAPI
import Testing

@Suite("Location table")
struct LocationTableTests {
    /// Locations that use every field, absent and empty values, shared and unique texts.
    private static func sample(_ count: Int, cities: Int = 7) -> [Location] {
        (0..<count).map { index in
            Location(
                id: "L\(index)", name: index % 11 == 0 ? nil : "Location number \(index) with a longer name",
                address: index % 13 == 0 ? "" : "Street \(index)", city: "City \(index % cities)",
                postalCode: index % 5 == 0 ? nil : "\(10_000 + index)", state: index % 2 == 0 ? "Uusimaa" : nil,
                country: "Finland", countryCode: "FI", lat: index % 17 == 0 ? nil : Double(index) / 7,
                lng: index == 3 ? -0.0 : Double(-index) / 3, locationId: index % 3 == 0 ? nil : "REF-\(index)",
                labels: index % 4 == 0 ? nil : [.init(value: "Depot"), .init(value: "Group \(index % 3)", tenantIds: ["t\(index % 2)"])],
                _operator: index % 6 == 0 ? nil : .init(name: "Operator \(index % 4)", website: index % 8 == 0 ? nil : "https://op.example"),
                roamingPoolId: index % 9 == 0 ? nil : "pool-\(index % 2)", tenantIdCPO: "tenant-cpo",
                tenantIdEMSP: index % 7 == 0 ? nil : "tenant-\(index)"
            )
        }
    }

    @Test("gives back every location exactly, across row chunks")
    func roundTrip() {
        let locations = Self.sample(9_000)
        let table = LocationTable(locations)
        #expect(table.count == 9_000)
        #expect(Array(table) == locations)
        #expect(table[3].lng?.sign == .minus, "-0.0 keeps its sign")
        #expect(table[0].name == nil && table[13].address == "", "absent and empty stay apart")
    }

    @Test("reads single fields and finds ids without making a location")
    func fields() {
        let locations = Self.sample(50)
        let table = LocationTable(locations)
        for (index, location) in locations.enumerated() {
            #expect(table.text(.id, at: index) == location.id)
            #expect(table.text(.name, at: index) == location.name)
            #expect(table.text(.city, at: index) == location.city)
            #expect(table.text(.postalCode, at: index) == location.postalCode)
            #expect(table.text(.locationId, at: index) == location.locationId)
        }
        let positions = Array((0..<50).reversed())
        #expect(table.firstIndex(ofID: "L7", in: positions) == 42)
        #expect(table.firstIndex(ofID: "L7", in: [1, 2, 3]) == nil)
        #expect(table.firstIndex(ofID: "L", in: positions) == nil, "a prefix is not the id")
        #expect(table.firstIndex(ofID: "L49x", in: positions) == nil)
        #expect(table.firstIndex(ofID: "", in: positions) == nil)
    }

    @Test("joins tables: small ones copied into the room left, large ones taken over")
    func joining() {
        let locations = Self.sample(6_000, cities: 5_000)
        var joined = LocationTable()
        var start = 0
        for size in [1, 2, 1_000, 3, 4_000, 994] {
            joined.append(contentsOf: LocationTable(locations[start..<start + size]))
            start += size
        }
        #expect(start == locations.count)
        #expect(Array(joined) == locations)
        joined.append(contentsOf: LocationTable())
        joined.append(locations[0])
        #expect(joined.count == 6_001 && joined[6_000] == locations[0])
    }

    @Test("keeps texts longer than a chunk, and texts past the interning limit")
    func longAndMany() {
        let long = String(repeating: "Ä", count: 70_000)
        var locations = [Location(id: "big", name: long, city: long)]
        locations += (0..<5_000).map { Location(id: "c\($0)", city: "Distinct city \($0)") }
        locations.append(Location(id: "big2", name: long, city: long))
        let table = LocationTable(locations)
        #expect(Array(table) == locations)
        #expect(table.text(.name, at: 5_001) == long)
    }

    @Test("replaces one location in place, the others untouched")
    func replacing() {
        var expected = Self.sample(5_000)
        var table = LocationTable(expected)
        let replacement = Location(id: "new", name: "Replaced", labels: [.init(value: "Other")])
        table.replace(at: 4_100, with: replacement)
        expected[4_100] = replacement
        #expect(Array(table) == expected)
        #expect(table.firstIndex(ofID: "new", in: Array(0..<5_000)) == 4_100)
    }

    @Test("compares by content, not by how the table was built")
    func equality() {
        let locations = Self.sample(20)
        var built = LocationTable(locations.prefix(10))
        built.append(contentsOf: LocationTable(locations.suffix(10)))
        #expect(built == LocationTable(locations))
        #expect(LocationTable(locations.prefix(19)) != LocationTable(locations))
    }
}
