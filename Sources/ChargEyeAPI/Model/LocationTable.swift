import OpenAPIRuntime

/// Locations kept compactly, for fleets of tens of thousands: each location is a row of
/// 120 bytes that refers to its texts in a shared `TextStore`, values most locations share
/// (cities, countries, tenants, operators, label sets) are stored once, and rows sit in
/// `ChunkedRows`, so growing the list never copies it. 100,000 locations take about 20 MB this
/// way, against about 60 MB as `[Location]`. A `Location` is made only when one is asked for
/// (a row on screen, the detail pane); sorting, searching and lookups read fields directly.
public struct LocationTable: RandomAccessCollection, Equatable, Sendable {
    /// The text fields a list can read without making a `Location`.
    public enum TextField: Sendable {
        case id, name, address, city, postalCode, country, locationId
    }

    struct Row: Sendable {
        var id, name, address, city, postalCode, state, country, countryCode: TextStore.Ref
        var locationId, roamingPoolId, tenantIdCPO, tenantIdEMSP, tenantIdMaintenance: TextStore.Ref
        var lat, lng: Double
        var labels, `operator`, tenantIds, geometry: UInt32
    }

    /// A location's shape on the map, which few locations carry (stored once per distinct value).
    struct Geometry: Hashable, Sendable {
        var bounds: [[Double]]?
        var geo: [OpenAPIValueContainer]?
        var positionEstimate: Components.Schemas.PositionEstimate?
    }

    /// Stands for an absent coordinate (a NaN no JSON number decodes to).
    static let absentNumber = Double(bitPattern: 0x7FF4_C0DE_0000_0000)

    var rows = ChunkedRows<Row>()
    var texts = TextStore()
    var labelSets = ValueSet<[Components.Schemas.Label]>()
    var operators = ValueSet<Components.Schemas.Operator>()
    var tenantSets = ValueSet<[String]>()
    var geometries = ValueSet<Geometry>()
    public var count: Int { rows.count }

    /// An empty table.
    public init() {}

    /// A table of `locations`, in their order.
    public init(_ locations: some Sequence<Location>) {
        append(contentsOf: locations)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The location at `position`, made from its row.
    public subscript(position: Int) -> Location {
        let row = row(at: position)
        return Location(
            id: texts.string(row.id) ?? "", name: texts.string(row.name), address: texts.string(row.address),
            city: texts.string(row.city), postalCode: texts.string(row.postalCode), state: texts.string(row.state),
            country: texts.string(row.country), countryCode: texts.string(row.countryCode),
            lat: Self.number(row.lat), lng: Self.number(row.lng), locationId: texts.string(row.locationId),
            labels: labelSets[row.labels], _operator: operators[row.operator], roamingPoolId: texts.string(row.roamingPoolId),
            tenantIdCPO: texts.string(row.tenantIdCPO), tenantIdEMSP: texts.string(row.tenantIdEMSP),
            tenantIdMaintenance: texts.string(row.tenantIdMaintenance), tenantIds: tenantSets[row.tenantIds],
            bounds: geometries[row.geometry]?.bounds, geo: geometries[row.geometry]?.geo,
            positionEstimate: geometries[row.geometry]?.positionEstimate
        )
    }

    /// One text field of the location at `position`.
    public func text(_ field: TextField, at position: Int) -> String? {
        texts.string(ref(field, of: row(at: position)))
    }

    /// Hands `body` the UTF-8 bytes of one text field of the location at `position` (nil when
    /// absent), read in place without making a string: the search index is built this way.
    public func withText<Result>(_ field: TextField, at position: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        texts.withBytes(ref(field, of: row(at: position)), body)
    }

    /// The first index into `positions` whose location has the id `id` (compared as bytes,
    /// without making a string per location: the list looks up its selection this way).
    public func firstIndex(ofID id: String, in positions: [Int]) -> Int? {
        var id = id
        return id.withUTF8 { wanted in
            positions.firstIndex { position in
                texts.isEqual(rows[position].id, to: wanted)
            }
        }
    }

    /// Adds `location` at the end.
    public mutating func append(_ location: Location) {
        rows.append(makeRow(location))
    }

    /// Puts `location` in place of the one at `position` (the old texts stay stored).
    public mutating func replace(at position: Int, with location: Location) {
        rows[position] = makeRow(location)
    }

    /// Adds `locations` at the end.
    public mutating func append(contentsOf locations: some Sequence<Location>) {
        for location in locations { append(location) }
    }

    /// Adds the locations of `other` at the end (its texts are taken over, not copied).
    public mutating func append(contentsOf other: LocationTable) {
        let moveText = texts.append(other.texts)
        let moveLabels = labelSets.append(other.labelSets)
        let moveOperator = operators.append(other.operators)
        let moveTenants = tenantSets.append(other.tenantSets)
        let moveGeometry = geometries.append(other.geometries)
        other.rows.forEach { row in
            var row = row
            row.id = moveText(row.id)
            row.name = moveText(row.name)
            row.address = moveText(row.address)
            row.city = moveText(row.city)
            row.postalCode = moveText(row.postalCode)
            row.state = moveText(row.state)
            row.country = moveText(row.country)
            row.countryCode = moveText(row.countryCode)
            row.locationId = moveText(row.locationId)
            row.roamingPoolId = moveText(row.roamingPoolId)
            row.tenantIdCPO = moveText(row.tenantIdCPO)
            row.tenantIdEMSP = moveText(row.tenantIdEMSP)
            row.tenantIdMaintenance = moveText(row.tenantIdMaintenance)
            row.tenantIds = moveTenants(row.tenantIds)
            row.geometry = moveGeometry(row.geometry)
            row.labels = moveLabels(row.labels)
            row.operator = moveOperator(row.operator)
            rows.append(row)
        }
    }

    public static func == (left: LocationTable, right: LocationTable) -> Bool {
        left.count == right.count && left.elementsEqual(right)
    }

    private func row(at position: Int) -> Row { rows[position] }

    private mutating func makeRow(_ location: Location) -> Row {
        Row(
            id: texts.add(location.id), name: texts.add(location.name), address: texts.add(location.address),
            city: texts.intern(location.city), postalCode: texts.add(location.postalCode), state: texts.intern(location.state),
            country: texts.intern(location.country), countryCode: texts.intern(location.countryCode),
            locationId: texts.add(location.locationId), roamingPoolId: texts.intern(location.roamingPoolId),
            tenantIdCPO: texts.intern(location.tenantIdCPO), tenantIdEMSP: texts.intern(location.tenantIdEMSP),
            tenantIdMaintenance: texts.intern(location.tenantIdMaintenance),
            lat: location.lat ?? Self.absentNumber, lng: location.lng ?? Self.absentNumber,
            labels: labelSets.add(location.labels), operator: operators.add(location._operator),
            tenantIds: tenantSets.add(location.tenantIds), geometry: geometries.add(Geometry(location))
        )
    }

    private func ref(_ field: TextField, of row: Row) -> TextStore.Ref {
        switch field {
        case .id: row.id
        case .name: row.name
        case .address: row.address
        case .city: row.city
        case .postalCode: row.postalCode
        case .country: row.country
        case .locationId: row.locationId
        }
    }

    private static func number(_ stored: Double) -> Double? {
        stored.bitPattern == absentNumber.bitPattern ? nil : stored
    }
}

extension LocationTable.Geometry {
    /// The shape `location` carries, or nil when it has none.
    init?(_ location: Location) {
        guard location.bounds != nil || location.geo != nil || location.positionEstimate != nil else { return nil }
        self.init(bounds: location.bounds, geo: location.geo, positionEstimate: location.positionEstimate)
    }
}
