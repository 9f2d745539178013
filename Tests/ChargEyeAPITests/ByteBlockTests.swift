@testable import ChargEyeAPI
import Foundation
import Testing

/// The 64-byte classifier against a byte-by-byte reading, and the scanner that uses it against
/// Foundation's parser over long items with escapes, brackets in strings and deep nesting.
@Suite("Classifying JSON 64 bytes at a time")
struct ByteBlockTests {
    private static let interesting: [UInt8] = [0, 0x1F, 0x20, 0x22, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F, 0x80, 0xDB, 0xDD, 0xFB, 0xFD, 0xFF]

    @Test("finds exactly the quotes, backslashes and brackets, and the insides of strings")
    func classifies() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let bytes = (0..<64).map { _ in
                Bool.random(using: &generator) ? Self.interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            let block = bytes.withUnsafeBufferPointer { ByteBlock($0.baseAddress!) }
            func mask(_ test: (UInt8) -> Bool) -> UInt64 {
                bytes.enumerated().reduce(0) { $0 | (test($1.element) ? 1 << UInt64($1.offset) : 0) }
            }
            #expect(block.quotes == mask { $0 == 0x22 }, "\(bytes)")
            #expect(block.firstBackslash == bytes.firstIndex(of: 0x5C), "\(bytes)")
            #expect(block.brackets == mask { [0x7B, 0x5B, 0x7D, 0x5D].contains($0) }, "\(bytes)")
            for startingInside in [false, true] {
                var inside = startingInside
                var expected: UInt64 = 0
                for (offset, byte) in bytes.enumerated() {
                    if byte == 0x22 { inside.toggle() }
                    if inside { expected |= 1 << UInt64(offset) }
                }
                #expect(block.insideStrings(startingInside: startingInside) == expected, "\(bytes)")
            }
        }
    }

    /// A random JSON value: strings with escapes and brackets, nested arrays and objects.
    private static func value(depth: Int, _ generator: inout some RandomNumberGenerator) -> String {
        let pieces = ["a", "]", "}", "[", "{", ",", ":", " ", "\\\"", "\\\\", "\\n", "\\u00e9", "é", "东", "xyzzy"]
        switch depth > 6 ? Int.random(in: 0...2, using: &generator) : Int.random(in: 0...5, using: &generator) {
        case 0: return "\"" + (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() + "\""
        case 1: return String(Int.random(in: -1000...1000, using: &generator))
        case 2: return ["true", "false", "null", "-1.5e3"].randomElement(using: &generator)!
        case 3: return "[" + (0..<Int.random(in: 0...4, using: &generator)).map { _ in value(depth: depth + 1, &generator) }.joined(separator: ",") + "]"
        default:
            let members = (0..<Int.random(in: 0...5, using: &generator)).map { number in
                "\"k\(number)\(pieces.randomElement(using: &generator)!)\": " + value(depth: depth + 1, &generator)
            }
            return "{" + members.joined(separator: ", ") + "}"
        }
    }

    @Test("a list of long, deeply nested items scans to Foundation's items in any chunking; a broken one is flagged")
    func scansLongItems() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<60 {
            let items = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                "{\"id\":\"x\",\"v\":" + Self.value(depth: 0, &generator) + ",\"w\":" + Self.value(depth: 1, &generator) + "}"
            }
            let body = "{\"locations\":[" + items.joined(separator: ",") + "]}"
            let expected = try #require(JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])["locations"] as? [NSObject]
            let bytes = Array(body.utf8)
            for size in [1, 3, 63, 64, 65, 200, bytes.count] {
                var scanner = ListScanner(key: "locations")
                var found: [NSObject] = []
                for start in stride(from: 0, to: bytes.count, by: size) {
                    scanner.feed(bytes[start..<min(bytes.count, start + size)])
                    if let batch = scanner.withCompleteItems { ListScanner.answer(key: scanner.key, items: $0) } {
                        scanner.dropCompleteItems()
                        found += try #require(JSONSerialization.jsonObject(with: Data(batch)) as? [String: Any])["locations"] as! [NSObject]
                    }
                }
                #expect(scanner.status == .complete, "\(body) in chunks of \(size)")
                #expect(found == expected, "\(body) in chunks of \(size)")
            }
            // One closing bracket of an item swapped for the other kind breaks it.
            guard let last = bytes.lastIndex(where: { $0 == UInt8(ascii: "}") }),
                let close = bytes[..<(last - 2)].lastIndex(where: { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "]") }),
                (try? JSONSerialization.jsonObject(with: Data(Self.swapped(bytes, at: close)))) == nil
            else { continue }
            var scanner = ListScanner(key: "locations")
            scanner.feed(Self.swapped(bytes, at: close))
            #expect(scanner.status == .irregular, "\(String(decoding: Self.swapped(bytes, at: close), as: UTF8.self))")
        }
    }

    private static func swapped(_ bytes: [UInt8], at index: Int) -> [UInt8] {
        var bytes = bytes
        bytes[index] = bytes[index] == UInt8(ascii: "}") ? UInt8(ascii: "]") : UInt8(ascii: "}")
        return bytes
    }
}
