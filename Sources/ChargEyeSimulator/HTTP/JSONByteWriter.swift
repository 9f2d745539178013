import ChargEyeAPI
import Foundation

/// Writes compact JSON straight into bytes, for the simulator's largest answers. Hand-written
/// because Foundation's `JSONEncoder` (about 13 MB/s here) was 80 % of the simulator's time
/// serving 20,000 stations, so a benchmark of chargeye's fleet read measured the server. What
/// it writes decodes to the same values as the encoder's output (tested); it is not byte for
/// byte the same (integral numbers without `.0`, `/` not escaped).
struct JSONByteWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open object or array: whether the next member needs a comma before it.
    private var needsComma: [Bool] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Writes an object whose members `body` writes.
    mutating func object(_ body: (inout JSONByteWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// Writes an array of `elements`, each written by `element`.
    mutating func array<Element>(_ elements: some Sequence<Element>, _ element: (inout JSONByteWriter, Element) -> Void) {
        open(UInt8(ascii: "["))
        for value in elements {
            separate()
            element(&self, value)
        }
        close(UInt8(ascii: "]"))
    }

    /// A member whose value `value` writes; a nil `present` leaves the member out, as the
    /// encoder's `encodeIfPresent` does.
    mutating func member<Value>(_ key: StaticString, _ present: Value?, _ value: (inout JSONByteWriter, Value) -> Void) {
        guard let present else { return }
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(contentsOf: "\":".utf8)
        value(&self, present)
    }

    mutating func member(_ key: StaticString, _ text: String?) {
        member(key, text) { $0.string($1) }
    }

    mutating func member(_ key: StaticString, _ number: Double?) {
        member(key, number) { $0.number($1) }
    }

    mutating func member(_ key: StaticString, _ date: Date?) {
        member(key, date) { $0.date($1) }
    }

    /// An open enum, the known value first as the generated encoder writes it (a closure, not
    /// a key path: a key path in generic code is built anew on every call, which was half the
    /// time of writing a station).
    mutating func member(_ key: StaticString, _ value: (some OpenEnumValue)?) {
        member(key, value.map { $0.value1?.rawValue ?? $0.value2 ?? "" }) { $0.string($1) }
    }

    mutating func member(_ key: StaticString, _ value: Components.Schemas.NumberOrString?) {
        member(key, value) { writer, value in
            switch value {
            case .case1(let number): writer.number(number)
            case .case2(let text): writer.string(text)
            }
        }
    }

    /// A string, escaped as JSON requires; a string that needs no escape (nearly all) is
    /// copied whole.
    mutating func string(_ text: String) {
        var text = text
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            if utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: utf8)
            } else {
                utf8.forEach { escape($0) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(byte)
        case ..<0x20:
            bytes.append(contentsOf: "\\u00".utf8)
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0xF)])
        default:
            bytes.append(byte)
        }
    }

    /// Bytes that are JSON already (a value the generated encoder wrote).
    mutating func raw(_ json: some Sequence<UInt8>) {
        bytes.append(contentsOf: json)
    }

    /// A finite number; whole numbers without a fraction.
    mutating func number(_ value: Double) {
        if value.rounded() == value, abs(value) < 1e15, !(value == 0 && value.sign == .minus) {
            integer(Int64(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// An integer's decimal digits, written without making a string.
    private mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// A timestamp as ChargEye writes one (`TolerantDateTranscoder`): UTC, milliseconds, `Z`,
    /// written straight into the bytes.
    mutating func date(_ date: Date) {
        bytes.append(UInt8(ascii: "\""))
        if RFC3339.write(date, to: &bytes) {
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.removeLast()
            string((try? TolerantDateTranscoder().encode(date)) ?? "")
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma.removeLast()
    }

    private mutating func separate() {
        guard let last = needsComma.indices.last else { return }
        if needsComma[last] { bytes.append(UInt8(ascii: ",")) }
        needsComma[last] = true
    }
}
