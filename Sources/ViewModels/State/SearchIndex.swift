/// C's `memmem` (a GNU extension the Glibc module does not export): the first occurrence of
/// one byte string in another, vectorised by the C library.
@_silgen_name("memmem")
private func memmem(
    _ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer, _ needleLength: Int
) -> UnsafeMutableRawPointer?

/// Every item's folded search text in one contiguous byte buffer, built once when data
/// arrives, so a filter keystroke is a single substring scan (`memmem`) over it rather than
/// one string comparison per item: about a millisecond for 100,000 locations.
struct SearchIndex: Equatable, Sendable {
    /// The items' texts, each followed by a 0 byte (fields within an item are joined by 0x01,
    /// so a match never spans two fields or two items).
    private var bytes: [UInt8] = []
    /// Where each item's text starts in `bytes`.
    private var starts: [Int] = []

    init() {}

    /// Adds the texts of items that follow the ones already indexed.
    mutating func append(texts: [String]) {
        starts.reserveCapacity(starts.count + texts.count)
        for text in texts {
            starts.append(bytes.count)
            bytes.append(contentsOf: text.utf8)
            bytes.append(0)
        }
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
