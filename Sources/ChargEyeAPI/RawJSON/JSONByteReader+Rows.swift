/// What the compact tables' decoders (`LocationTable+Decoding`, `StationTable+Decoding`)
/// read with `JSONByteReader`: the items of a streamed list, and fields straight into a row.
extension JSONByteReader {
    /// Reads the items of a streamed list as `ListScanner` hands them over (the bytes between
    /// the list's brackets: items and the commas between them), each with `element`, to the end.
    static func forEachItem(in items: UnsafeBufferPointer<UInt8>, _ element: (inout JSONByteReader) -> Bool) -> Bool {
        var reader = JSONByteReader(items)
        repeat {
            guard element(&reader) else { return false }
        } while reader.take(",")
        return reader.atEnd()
    }

    /// `null` (left absent) or a number, into a row's field.
    mutating func number(into field: inout Double) -> Bool {
        if literal("null") { return true }
        guard let value = number() else { return false }
        field = value
        return true
    }

    /// `null` (left absent) or a text, stored in `store` (once for all its repetitions when
    /// `interned`), into a row's field.
    mutating func text(into field: inout TextStore.Ref, of store: inout TextStore, interned: Bool = false) -> Bool {
        if literal("null") { return true }
        guard let ref = stringBytes({ interned ? store.intern(bytes: $0) : store.add(bytes: $0) }) else { return false }
        field = ref
        return true
    }

    /// A text that must be there (an id), stored in `store`, into a row's field.
    mutating func requiredText(into field: inout TextStore.Ref, of store: inout TextStore) -> Bool {
        guard let ref = stringBytes({ store.add(bytes: $0) }) else { return false }
        field = ref
        return true
    }

    /// `null` (left absent) or a value `read` reads, stored once in `values`, into a row's
    /// field. When the next value is byte for byte one of `recent` (the label sets or
    /// operators most items of an answer share), its number is taken without reading it.
    mutating func value<Value>(
        into field: inout UInt32, of values: inout ValueSet<Value>, recent: inout RecentValues,
        _ read: (inout JSONByteReader) -> Value?
    ) -> Bool {
        if literal("null") { return true }
        if let number = recent.take(from: &self) {
            field = number
            return true
        }
        var value: Value?
        guard let bytes = measuring({ value = read(&$0); return value != nil }), let value else { return false }
        field = values.add(value)
        recent.remember(bytes, as: field)
        return true
    }

    /// A label (on locations and stations).
    mutating func label() -> Components.Schemas.Label? {
        var value: String?
        var tenantIds: [String]?
        let complete = object { key, reader in
            switch key {
            case "value":
                value = reader.string()
                return value != nil
            case "tenantIds": return reader.optional(into: &tenantIds) { $0.array { $0.string() } }
            default: return reader.skipValue(depth: 0)
            }
        }
        guard complete, let value else { return nil }
        return .init(value: value, tenantIds: tenantIds)
    }
}

/// The last few values of one field read from an answer, as their bytes (valid as long as the
/// reader's) and their numbers in a `ValueSet`.
struct RecentValues {
    private static let capacity = 8
    private var entries: [(bytes: UnsafeBufferPointer<UInt8>, number: UInt32)] = []
    private var oldest = 0

    /// The number of the value `reader` is at, moving over it, when it is one of these.
    func take(from reader: inout JSONByteReader) -> UInt32? {
        entries.first { reader.take(copyOf: $0.bytes) }?.number
    }

    /// Keeps `bytes`, read as value `number`, in place of the oldest one kept.
    mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, as number: UInt32) {
        if entries.count < Self.capacity {
            entries.append((bytes, number))
        } else {
            entries[oldest] = (bytes, number)
            oldest = (oldest + 1) % Self.capacity
        }
    }
}
