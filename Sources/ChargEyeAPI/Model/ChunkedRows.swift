/// Rows of a compact table, in chunks of 4,096, so growing a table of tens of thousands of
/// rows never copies more than the first chunk's rows.
struct ChunkedRows<Row: Sendable>: Sendable {
    private static var rowsPerChunk: Int { 4096 }

    private var chunks: [ContiguousArray<Row>] = []
    /// How many rows there are.
    private(set) var count = 0

    subscript(position: Int) -> Row {
        get {
            precondition(position >= 0 && position < count, "row \(position) of \(count)")
            return chunks[position / Self.rowsPerChunk][position % Self.rowsPerChunk]
        }
        set {
            precondition(position >= 0 && position < count, "row \(position) of \(count)")
            chunks[position / Self.rowsPerChunk][position % Self.rowsPerChunk] = newValue
        }
    }

    /// Adds `row` at the end.
    mutating func append(_ row: Row) {
        if count % Self.rowsPerChunk == 0 {
            // The first chunk grows as rows come (a small table stays small); later ones are
            // made whole at once, so a large table never copies its rows.
            var chunk = ContiguousArray<Row>()
            if !chunks.isEmpty { chunk.reserveCapacity(Self.rowsPerChunk) }
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(row)
        count += 1
    }

    /// Whether `other` shares these rows' storage (a copy of the same table, not appended to
    /// since): equal without comparing a row.
    func isIdentical(to other: ChunkedRows) -> Bool {
        count == other.count && chunks.count == other.chunks.count
            && zip(chunks, other.chunks).allSatisfy { mine, theirs in
                mine.withUnsafeBufferPointer { a in theirs.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
            }
    }

    /// Calls `body` with every row, in order.
    func forEach(_ body: (Row) throws -> Void) rethrows {
        for chunk in chunks {
            for row in chunk { try body(row) }
        }
    }
}
