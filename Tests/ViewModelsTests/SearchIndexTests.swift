import ChargEyeAPI
import Foundation
import Testing
@testable import ViewModels

@Suite("The search index")
struct SearchIndexTests {
    static let texts: [String?] = [
        "Vantaa Bus Depot", "JYVÄSKYLÄ", "Ｆｕｌｌ Ｗｉｄｔｈ", "Ålesund", "İstanbul", "straße", "", nil, "MiXeD 123 @[]`{}",
    ]

    @Test("folds texts from their bytes as it folds strings")
    func bytesFoldAsStrings() {
        var fromStrings = SearchIndex()
        var fromBytes = SearchIndex()
        for text in Self.texts {
            let fields = [text, "Second \(text ?? "")", nil]
            fromStrings.append(fields: fields.map { $0.map(Level.fold) ?? "" })
            fromBytes.append(fieldCount: fields.count) { number, take in
                guard var field = fields[number] else { return take(nil) }
                field.withUTF8 { take($0) }
            }
        }
        #expect(fromBytes == fromStrings)
        #expect(fromBytes.count == Self.texts.count)
    }

    @Test("merging new items into an order gives the order of all of them")
    func mergeEqualsOrder() {
        var generator = SystemRandomNumberGenerator()
        let words = ["a", "b", "ab", "", "b", "c", "aa"]
        var index = SearchIndex()
        let count = 500
        for _ in 0..<count {
            index.append(fields: [words.randomElement(using: &generator)!, words.randomElement(using: &generator)!])
        }
        for fields in [[0], [1, 0]] {
            for split in [0, 1, 250, 499, 500] {
                let sorted = index.order(Array(0..<split), byFields: fields)
                let merged = index.merging(Array(split..<count), into: sorted, byFields: fields)
                #expect(merged == index.order(Array(0..<count), byFields: fields), "split at \(split), fields \(fields)")
            }
        }
    }

    @Test("orders by the fields' bytes, the first deciding, shorter first among equal starts, ties in list order")
    func orderIsByteOrder() {
        var generator = SystemRandomNumberGenerator()
        let words = ["", "a", "abcdefg", "abcdefgh", "abcdefgh", "abcdefgha", "abcdefghb", "abcdefghab", "abcdefgi", "b", "zürich", "zurich", "東京 hub"]
        var index = SearchIndex()
        var rows: [[String]] = []
        for _ in 0..<400 {
            let row = [words.randomElement(using: &generator)!, words.randomElement(using: &generator)!]
            rows.append(row)
            index.append(fields: row)
        }
        for fields in [[0], [1, 0]] {
            let expected = rows.indices.sorted { left, right in
                for field in fields where rows[left][field] != rows[right][field] {
                    return Array(rows[left][field].utf8).lexicographicallyPrecedes(Array(rows[right][field].utf8))
                }
                return left < right
            }
            #expect(index.order(Array(rows.indices), byFields: fields) == expected, "fields \(fields)")
        }
    }
}
