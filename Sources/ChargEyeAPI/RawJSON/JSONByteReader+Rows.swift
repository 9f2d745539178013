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

    /// `null` (left absent) or a value `read` reads, stored once in `values`, into a row's
    /// field. When `last` holds the bytes of the value read before (valid as long as this
    /// reader's) and the next value is those bytes again, as with the label set or operator
    /// most items of an answer share, its number is taken without reading it.
    mutating func value<Value>(
        into field: inout UInt32, of values: inout ValueSet<Value>, last: inout (bytes: UnsafeBufferPointer<UInt8>, number: UInt32)?,
        _ read: (inout JSONByteReader) -> Value?
    ) -> Bool {
        if literal("null") { return true }
        if let last, take(copyOf: last.bytes) {
            field = last.number
            return true
        }
        var value: Value?
        guard let bytes = measuring({ value = read(&$0); return value != nil }), let value else { return false }
        field = values.add(value)
        last = (bytes, field)
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
