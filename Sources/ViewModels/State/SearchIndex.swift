import ChargEyeText
import Foundation

/// C's `memmem` (a GNU extension the Glibc module does not export): the first occurrence of
/// one byte string in another, vectorised by the C library.
@_silgen_name("memmem")
private func memmem(
    _ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer, _ needleLength: Int
) -> UnsafeMutableRawPointer?

/// Every item's folded search text in one contiguous byte buffer, built once when data
/// arrives, so a filter keystroke is a single substring scan (`memmem`) over it rather than
/// one string comparison per item: about a millisecond for 100,000 locations. The same bytes
/// order a list by its leading fields (name; city, name; ...) without making any string.
struct SearchIndex: Equatable, Sendable {
    /// The items' texts, each followed by a 0 byte (fields within an item are joined by 0x01,
    /// so a match never spans two fields or two items; an absent field is empty).
    private var bytes: [UInt8] = []
    /// Where each item's text starts in `bytes`.
    private var starts: [Int] = []

    init() {}

    /// Adds the folded fields of the item that follows the ones already indexed.
    mutating func append(fields: [String]) {
        starts.append(bytes.count)
        for (number, field) in fields.enumerated() {
            if number > 0 { bytes.append(1) }
            bytes.append(contentsOf: field.utf8)
        }
        bytes.append(0)
    }

    /// Adds the item that follows the ones already indexed from `count` fields that `field`
    /// hands over as UTF-8 (number, then a function to pass the bytes or nil to), folded as
    /// `TextFold.fold` folds them: plain ASCII is lowercased byte by byte, without making a
    /// string (a list of 100,000 locations is indexed as it streams in).
    mutating func append(fieldCount count: Int, field: (Int, (UnsafeBufferPointer<UInt8>?) -> Void) -> Void) {
        starts.append(bytes.count)
        for number in 0..<count {
            if number > 0 { bytes.append(1) }
            field(number) { utf8 in
                guard let utf8 else { return }
                if utf8.allSatisfy({ $0 < 0x80 }) {
                    bytes.append(contentsOf: utf8.lazy.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 })
                } else {
                    bytes.append(contentsOf: TextFold.fold(String(decoding: utf8, as: UTF8.self)).utf8)
                }
            }
        }
        bytes.append(0)
    }

    /// `items` ordered by their fields `fields` (numbers into the fields of `append`), the
    /// first deciding, then the next; equal items keep their order. Folded text compares
    /// byte by byte, which is code point order.
    func order(_ items: [Int], byFields fields: [Int]) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            let keys = keys(of: items, fields, in: buffer)
            return Self.sortedPositions(keys, count: items.count, in: buffer).map { items[$0] }
        }
    }

    /// `sorted` (in `order`'s order by `fields`) with `items` (which all come after the items
    /// of `sorted` in the list, and in the list's order) put in their places: what `order`
    /// gives for both together, in the time of ordering `items` alone and one pass over
    /// `sorted`. A list that grows as it streams in keeps its order this way.
    func merging(_ items: [Int], into sorted: [Int], byFields fields: [Int]) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            let newKeys = keys(of: items, fields, in: buffer)
            let added = Self.sortedPositions(newKeys, count: items.count, in: buffer)
            let oldKeys = keys(of: sorted, fields, in: buffer)
            var merged: [Int] = []
            merged.reserveCapacity(sorted.count + items.count)
            var old = 0, new = 0
            while old < sorted.count, new < added.count {
                // Among equals the earlier item, from `sorted`, goes first.
                if Self.compare(newKeys, added[new], oldKeys, old, in: buffer) == .orderedAscending {
                    merged.append(items[added[new]])
                    new += 1
                } else {
                    merged.append(sorted[old])
                    old += 1
                }
            }
            merged.append(contentsOf: sorted[old...])
            merged.append(contentsOf: added[new...].map { items[$0] })
            return merged
        }
    }

    /// Where a field lies for one item, and its first eight bytes as a number that orders as
    /// they do (big-endian, zero-padded: no folded text holds a zero byte), so most
    /// comparisons are one integer comparison rather than a call to `memcmp`.
    private struct FieldKey {
        let prefix: UInt64
        let range: Range<Int>

        init(_ range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) {
            var prefix: UInt64 = 0
            var shift: UInt64 = 56
            for byte in buffer[range.prefix(8)] {
                prefix |= UInt64(byte) << shift
                shift &-= 8
            }
            self.prefix = prefix
            self.range = range
        }
    }

    /// For each of `fields`, where it lies for each of `items`.
    private func keys(of items: [Int], _ fields: [Int], in buffer: UnsafeBufferPointer<UInt8>) -> [[FieldKey]] {
        fields.map { field in items.map { FieldKey(range(ofField: field, item: $0, in: buffer), in: buffer) } }
    }

    /// Positions 0..<count ordered by `keys`, equal ones in their order.
    private static func sortedPositions(_ keys: [[FieldKey]], count: Int, in buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
        (0..<count).sorted { left, right in
            switch compare(keys, left, keys, right, in: buffer) {
            case .orderedAscending: true
            case .orderedDescending: false
            case .orderedSame: left < right
            }
        }
    }

    /// How item `left` of `leftKeys` compares with item `right` of `rightKeys` (each key a
    /// field's range per item, the first deciding); a field that is a prefix of the other,
    /// an empty one included, orders first.
    private static func compare(
        _ leftKeys: [[FieldKey]], _ left: Int, _ rightKeys: [[FieldKey]], _ right: Int, in buffer: UnsafeBufferPointer<UInt8>
    ) -> ComparisonResult {
        let base = buffer.baseAddress
        for key in leftKeys.indices {
            let a = leftKeys[key][left], b = rightKeys[key][right]
            if a.prefix != b.prefix { return a.prefix < b.prefix ? .orderedAscending : .orderedDescending }
            // The first eight bytes (or all of the shorter) are equal: the rest decides.
            let common = min(a.range.count, b.range.count)
            let order = common <= 8 ? 0 : memcmp(base! + a.range.lowerBound + 8, base! + b.range.lowerBound + 8, common - 8)
            if order != 0 { return order < 0 ? .orderedAscending : .orderedDescending }
            if a.range.count != b.range.count { return a.range.count < b.range.count ? .orderedAscending : .orderedDescending }
        }
        return .orderedSame
    }

    /// How many items are indexed.
    var count: Int { starts.count }

    /// Where field `field` of `item` is in `buffer` (empty when the item has fewer fields).
    private func range(ofField field: Int, item: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = starts[item]
        let end = (item + 1 < starts.count ? starts[item + 1] : buffer.count) - 1
        for _ in 0..<field {
            guard let separator = Self.separator(in: buffer, from: start, to: end) else { return end..<end }
            start = separator + 1
        }
        return start..<(Self.separator(in: buffer, from: start, to: end) ?? end)
    }

    /// The first field separator in `buffer[start..<end]` (C's `memchr`: the list's order is
    /// kept by finding every item's name this way as a long list streams in).
    private static func separator(in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = buffer.baseAddress, let hit = memchr(base + start, 1, end - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }

    /// For each item, whether its text contains `needle` (already folded; never empty).
    func matches(_ needle: String) -> [Bool] {
        var found = [Bool](repeating: false, count: starts.count)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, !bytes.isEmpty else { return found }
        bytes.withUnsafeBytes { haystack in
            pattern.withUnsafeBytes { needleBytes in
                guard let base = haystack.baseAddress, let needleBase = needleBytes.baseAddress else { return }
                var offset = 0
                while offset < haystack.count,
                    let hit = memmem(base + offset, haystack.count - offset, needleBase, needleBytes.count)
                {
                    let item = self.item(at: base.distance(to: UnsafeRawPointer(hit)))
                    found[item] = true
                    // The rest of this item cannot add anything: go on with the next one.
                    offset = item + 1 < starts.count ? starts[item + 1] : haystack.count
                }
            }
        }
        return found
    }

    /// The item whose text contains byte `position` (binary search over `starts`).
    private func item(at position: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
