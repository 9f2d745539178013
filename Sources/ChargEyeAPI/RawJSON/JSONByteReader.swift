import Foundation

/// A forward-only reader of JSON bytes for the regular case (`LocationTable+Decoding`): every
/// method returns nil (or false) for what it does not read, and the caller gives up; it
/// checks JSON's syntax for everything it moves over, values passed over included.
///
/// `lenient` (for `RawJSON`, which slices rather than decodes) reads any valid JSON: keys
/// with escapes, a key given twice, nesting as deep as Foundation's decoder allows.
struct JSONByteReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private let lenient: Bool
    /// Nesting allowed inside values that are passed over.
    private var maxSkipDepth: Int { lenient ? 512 : 64 }

    init(_ bytes: UnsafeBufferPointer<UInt8>, lenient: Bool = false) {
        self.bytes = bytes
        self.lenient = lenient
    }

    /// Reads an array whose every element `element` reads.
    mutating func array<Element>(_ element: (inout JSONByteReader) -> Element?) -> [Element]? {
        var elements: [Element] = []
        let complete = forEachElement { reader in
            guard let next = element(&reader) else { return false }
            elements.append(next)
            return true
        }
        return complete ? elements : nil
    }

    /// Reads an array, each element with `element` (which returns false for what it does not read).
    mutating func forEachElement(_ element: (inout JSONByteReader) -> Bool) -> Bool {
        guard take("[") else { return false }
        if take("]") { return true }
        repeat {
            guard element(&self) else { return false }
        } while take(",")
        return take("]")
    }

    /// Reads an object, handing each key to `member` with the reader at its value; a key seen
    /// twice is irregular unless `lenient` (which one counts is the ordinary decoder's business).
    mutating func object(_ member: (String, inout JSONByteReader) -> Bool) -> Bool {
        guard take("{") else { return false }
        if take("}") { return true }
        var seen = KeySet()
        repeat {
            guard let key = lenient ? string() : key(), lenient || seen.insert(key), take(":"), member(key, &self) else { return false }
        } while take(",")
        return take("}")
    }

    /// Reads an object whose keys `keys` knows, found by their bytes without making a string
    /// (an unknown key, handed over as nil, is made one to check it is not given twice). A key
    /// seen twice is irregular, and so is a key that is not plain ASCII: Swift, and so the
    /// ordinary decoder, compares keys as strings, where a Kelvin sign (U+212A) equals `K`.
    mutating func object<Key>(keys: KnownKeys<Key>, _ member: (Key?, inout JSONByteReader) -> Bool) -> Bool {
        guard take("{") else { return false }
        if take("}") { return true }
        var seen: UInt64 = 0
        var unknown = KeySet()
        var hint = 0
        repeat {
            var known: Int?
            let isNew = stringBytes(escapes: false) { name -> Bool in
                guard name.allSatisfy({ $0 < 0x80 }) else { return false }
                known = keys.position(of: name, tryingFirst: hint)
                guard let known else { return unknown.insert(String(decoding: name, as: UTF8.self)) }
                defer { seen |= 1 << known }
                return seen & (1 << known) == 0
            }
            guard isNew == true, take(":"), member(known.map { keys[$0] }, &self) else { return false }
            if let known { hint = known + 1 }
        } while take(",")
        return take("}")
    }

    /// The keys of one object so far: a short list while there are few (every object the API
    /// defines has fewer than 64 at its top level), a set past that, so an object of a hundred
    /// thousand keys costs no more than its length.
    private struct KeySet {
        private var few: [String] = []
        private var many: Set<String>?

        /// Adds `key`; false when it was there already.
        mutating func insert(_ key: String) -> Bool {
            if many != nil { return many!.insert(key).inserted }
            guard !few.contains(key) else { return false }
            few.append(key)
            if few.count > 64 { many = Set(few) }
            return true
        }
    }

    mutating func optionalString(into field: inout String?) -> Bool {
        optional(into: &field) { $0.string() }
    }

    mutating func optionalNumber(into field: inout Double?) -> Bool {
        optional(into: &field) { $0.number() }
    }

    /// `null` (nil) or what `read` reads.
    mutating func optional<Value>(into field: inout Value?, _ read: (inout JSONByteReader) -> Value?) -> Bool {
        if literal("null") {
            field = nil
            return true
        }
        guard let value = read(&self) else { return false }
        field = value
        return true
    }

    /// A key: a string without escapes.
    mutating func key() -> String? {
        string(escapes: false)
    }

    /// Whether `bytes` are valid UTF-8 (plain ASCII passes without decoding: a string with
    /// escapes is checked here whole, after its escapes are undone).
    private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.allSatisfy({ $0 < 0x80 }) else { return true }
        // The standard library's strict parser (no overlong forms, surrogates or code points
        // past U+10FFFF), without making a string.
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// A string: valid UTF-8, with escapes if `escapes` allows them (`\u` surrogates only as a pair).
    mutating func string(escapes: Bool = true) -> String? {
        stringBytes(escapes: escapes) { String(decoding: $0, as: UTF8.self) }
    }

    /// A string as `string()` reads it, its UTF-8 bytes (escapes undone) handed to `body`
    /// without making a `String`; they are valid only there.
    mutating func stringBytes<Result>(escapes: Bool = true, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        let start = index
        // A run of plain ASCII is passed over a word at a time; one with other characters is
        // checked as UTF-8 once it ends.
        var ascii = true
        index = ByteScan.stringSpecial(in: bytes, from: index)
        while index < bytes.count, bytes[index] >= 0x80 {
            ascii = false
            index = ByteScan.stringSpecial(in: bytes, from: index + 1)
        }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            let text = UnsafeBufferPointer(rebasing: bytes[start..<index - 1])
            return ascii || Self.isValidUTF8(text) ? body(text) : nil
        }
        guard escapes else { return nil }
        var unescaped = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return unescaped.withUnsafeBufferPointer { Self.isValidUTF8($0) ? body($0) : nil }
            case UInt8(ascii: "\\") where index < bytes.count && bytes[index] == UInt8(ascii: "u"):
                index += 1
                guard let scalar = unicodeEscape() else { return nil }
                unescaped.append(contentsOf: Unicode.UTF8.encode(scalar)!)
            case UInt8(ascii: "\\"):
                guard index < bytes.count, let replacement = Self.unescaped(bytes[index]) else { return nil }
                unescaped.append(replacement)
                index += 1
            case ..<0x20:
                return nil
            default:
                unescaped.append(byte)
            }
        }
        return nil
    }

    /// The character of a `\uXXXX` escape (after the `u`), or of a surrogate pair of two.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let unit = hexUnit() else { return nil }
        switch unit {
        case 0xD800..<0xDC00:
            guard takeByte(UInt8(ascii: "\\")), takeByte(UInt8(ascii: "u")), let low = hexUnit(), (0xDC00..<0xE000).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00..<0xE000:
            return nil
        default:
            return Unicode.Scalar(unit)
        }
    }

    /// Four hex digits.
    private mutating func hexUnit() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var unit: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt32(digit)
        }
        index += 4
        return unit
    }

    private static func unescaped(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    /// A JSON number as a finite Double other than -0 (a negative zero and out-of-range values,
    /// too large or so small they become 0, are left to the ordinary decoder).
    mutating func number() -> Double? {
        skipSpace()
        let start = index
        guard numberSyntax(),
            let value = Self.shortDecimal(bytes[start..<index]) ?? Double(String(decoding: bytes[start..<index], as: UTF8.self)),
            value.isFinite, !(value == 0 && value.sign == .minus)
        else { return nil }
        if value == 0, !Self.isZero(bytes[start..<index]) { return nil }
        return value
    }

    /// The value of a number written without an exponent whose digits, read as one integer,
    /// fit in 53 bits, with at most 22 after the point (most numbers in an answer: powers,
    /// energies, coordinates), without going through a string. Both the integer and the power
    /// of ten are then exact doubles, so one division rounds correctly, to the value the
    /// ordinary parser gives (Clinger's fast path); nil for every other number.
    private static func shortDecimal(_ number: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var digits: UInt64 = 0
        var count = 0
        var decimals = -1
        for byte in number where byte != UInt8(ascii: "-") {
            if byte == UInt8(ascii: ".") {
                decimals = 0
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), count < 16 else { return nil }
            digits = digits * 10 + UInt64(byte - UInt8(ascii: "0"))
            count += 1
            if decimals >= 0 { decimals += 1 }
        }
        guard digits <= 1 << 53, decimals <= 22 else { return nil }
        let magnitude = decimals > 0 ? Double(digits) / powersOfTen[decimals] : Double(digits)
        return number.first == UInt8(ascii: "-") ? -magnitude : magnitude
    }

    /// 10^0 ... 10^22, every one an exact double.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { product, _ in product * 10 }
    }

    /// Whether a number's digits before any exponent are all zero (`0`, `0.000`, `0e5`).
    private static func isZero(_ number: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        number.prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
            .allSatisfy { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    /// Whether the next value is a string (white space skipped).
    mutating func nextIsString() -> Bool {
        skipSpace()
        return index < bytes.count && bytes[index] == UInt8(ascii: "\"")
    }

    /// Moves over one number by JSON's grammar.
    private mutating func numberSyntax() -> Bool {
        _ = takeByte(UInt8(ascii: "-"))
        if !takeByte(UInt8(ascii: "0")) { guard digits() else { return false } }
        if takeByte(UInt8(ascii: ".")) { guard digits() else { return false } }
        if takeByte(UInt8(ascii: "e")) || takeByte(UInt8(ascii: "E")) {
            if !takeByte(UInt8(ascii: "+")) { _ = takeByte(UInt8(ascii: "-")) }
            guard digits() else { return false }
        }
        return true
    }

    private mutating func digits() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index > start
    }

    /// Moves over any JSON value, checking its syntax.
    mutating func skipValue(depth: Int) -> Bool {
        guard depth < maxSkipDepth else { return false }
        skipSpace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""): return stringBytes { _ in () } != nil
        case UInt8(ascii: "{"): return object { _, reader in reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): return array { $0.skipValue(depth: depth + 1) ? () : nil } != nil
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return numberSyntax()
        }
    }

    mutating func literal(_ word: StaticString) -> Bool {
        skipSpace()
        let length = word.utf8CodeUnitCount
        // Most values tried for `null` are not: the first byte tells.
        guard index + length <= bytes.count, bytes[index] == word.utf8Start.pointee,
            ByteScan.equal(word.utf8Start, bytes.baseAddress! + index, count: length)
        else { return false }
        index += length
        return true
    }

    /// Skips white space, then takes `byte` if it is next.
    mutating func take(_ byte: Unicode.Scalar) -> Bool {
        skipSpace()
        return takeByte(UInt8(ascii: byte))
    }

    private mutating func takeByte(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    /// Moves over the next value and returns where it lies (white space around it excluded).
    mutating func valueRange() -> Range<Int>? {
        skipSpace()
        let start = index
        return skipValue(depth: 0) ? start..<index : nil
    }

    /// Reads a value with `read` and returns its bytes (white space before it excluded), or nil
    /// when `read` fails; the bytes are valid while the reader's are.
    mutating func measuring(_ read: (inout JSONByteReader) -> Bool) -> UnsafeBufferPointer<UInt8>? {
        skipSpace()
        let start = index
        return read(&self) ? UnsafeBufferPointer(rebasing: bytes[start..<index]) : nil
    }

    /// Moves over `value`, the bytes of a whole value read before, if the next value is
    /// exactly those bytes (a whole object or array ends where its bytes do).
    mutating func take(copyOf value: UnsafeBufferPointer<UInt8>) -> Bool {
        skipSpace()
        guard index + value.count <= bytes.count, let wanted = value.baseAddress,
            ByteScan.equal(bytes.baseAddress! + index, wanted, count: value.count)
        else { return false }
        index += value.count
        return true
    }

    mutating func atEnd() -> Bool {
        skipSpace()
        return index == bytes.count
    }
}
