/// One JSON value exactly as the server sent it: its bytes, not a decoded form. Output made
/// from it loses nothing the typed model would drop: members this client does not know, nulls,
/// member order, number spellings (`1.50`, `1e3`, a 20-digit integer) and string escapes all
/// stay as they came. `--format json` and `get` print these; tables and CSV use the typed model.
public struct RawJSON: Sendable, Equatable {
    /// The value's bytes (valid JSON, no surrounding white space).
    public let bytes: [UInt8]

    /// The value in `bytes`, or nil when they are not exactly one JSON value (or nest deeper
    /// than 512 levels).
    public init?(_ bytes: some Collection<UInt8>) {
        let bytes = Array(bytes)
        let range = bytes.withUnsafeBufferPointer { buffer -> Range<Int>? in
            var reader = JSONByteReader(buffer, lenient: true)
            guard let range = reader.valueRange(), reader.atEnd() else { return nil }
            return range
        }
        guard let range else { return nil }
        self.bytes = range == bytes.indices ? bytes : Array(bytes[range])
    }

    private init(trusted bytes: some Collection<UInt8>) {
        self.bytes = Array(bytes)
    }

    /// An object of `members`, in their order (keys are encoded as JSON strings).
    public init(object members: [(key: String, value: RawJSON)]) {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (offset, member) in members.enumerated() {
            if offset > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += Self.quoted(member.key) + [UInt8(ascii: ":")] + member.value.bytes
        }
        self.init(trusted: bytes + [UInt8(ascii: "}")])
    }

    /// An array of `elements`.
    public init(array elements: [RawJSON]) {
        self.init(trusted: [UInt8(ascii: "[")] + Array(elements.map(\.bytes).joined(separator: [UInt8(ascii: ",")])) + [UInt8(ascii: "]")])
    }

    /// A string value.
    public init(string: String) {
        self.init(trusted: Self.quoted(string))
    }

    /// `null`.
    public static let null = RawJSON(trusted: Array("null".utf8))

    private static func quoted(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": bytes += Array(#"\""#.utf8)
            case "\\": bytes += Array(#"\\"#.utf8)
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                bytes += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: bytes += Array(String(scalar).utf8)
            }
        }
        return bytes + [UInt8(ascii: "\"")]
    }

    /// The value of member `key` when this is an object that has it (the last, if the server
    /// gave it twice, as decoders take it).
    public func member(_ key: String) -> RawJSON? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONByteReader(buffer, lenient: true)
            var found: Range<Int>?
            guard reader.object({ name, reader in
                guard let range = reader.valueRange() else { return false }
                if name == key { found = range }
                return true
            }), let found else { return nil }
            return RawJSON(trusted: bytes[found])
        }
    }

    /// The members, in the server's order, when this is an object (keys unescaped; a key given
    /// twice appears twice).
    public var members: [(key: String, value: RawJSON)]? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONByteReader(buffer, lenient: true)
            var found: [(key: String, value: RawJSON)] = []
            guard reader.object({ name, reader in
                guard let range = reader.valueRange() else { return false }
                found.append((name, RawJSON(trusted: bytes[range])))
                return true
            }) else { return nil }
            return found
        }
    }

    /// The elements, in order, when this is an array.
    public var elements: [RawJSON]? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONByteReader(buffer, lenient: true)
            return reader.array { reader in reader.valueRange().map { RawJSON(trusted: bytes[$0]) } }
        }
    }

    /// The value indented by two spaces per level (the first line at `level`), every token as
    /// it came; see `JSONIndenter`.
    public func pretty(level: Int = 0) -> String {
        JSONIndenter.indent(bytes, level: level)
    }
}
