/// Finds the items of a `{"locations": [...]}` answer (or `{"stations": [...]}`: the list's
/// key is given) while its bytes arrive, so they can be decoded in batches before the rest is
/// here.
///
/// It checks structure only: the envelope, strings and escapes, bracket nesting. The items
/// themselves are decoded by the generated decoder; the envelope's keys and the values of its
/// other keys are kept (`extras`, up to `maxExtraBytes`) for the caller to check as JSON, since
/// the ordinary decoder rejects a syntax error anywhere. A second list key is passed
/// over, as the decoder does (the first one counts). Anything else out of the ordinary (another
/// shape, unbalanced brackets, nesting deeper than `maxDepth`, bytes after the end) makes it
/// `irregular`, with the reason in `problem`; the caller then decodes the whole answer the
/// ordinary way where it still can, for the canonical result or error.
struct ListScanner {
    /// What the bytes so far amount to.
    enum Status: Equatable {
        /// Fine so far; more bytes are needed.
        case reading
        /// The envelope closed; only white space may follow.
        case complete
        /// Not the plain shape this scanner reads.
        case irregular
    }

    /// Deeper nesting than this is left to the ordinary decoder (which allows 512 levels in all).
    static let maxDepth = 256
    /// The most bytes of keys and other values kept for checking.
    static let maxExtraBytes = 1 << 20

    private enum Place {
        case beforeEnvelope, beforeKey(first: Bool), inKey, beforeColon, beforeValue, inValue
        case afterValue, beforeItem(first: Bool), inItem, afterItem
    }

    /// The list's key ("locations"), and how it is written in the answer: `"locations"`.
    let key: String
    private let quotedKey: [UInt8]

    /// A scanner for the answer `{"<key>": [...]}`.
    init(key: String) {
        self.key = key
        quotedKey = Array("\"\(key)\"".utf8)
    }

    private(set) var status = Status.reading
    /// Why the answer is irregular, for the error message when it cannot be decoded whole.
    private(set) var problem = ""
    /// The envelope's keys (quoted) and the values of keys other than the first list key, as
    /// raw JSON.
    private(set) var extras: [[UInt8]] = []
    private var extraBytes = 0
    /// Where in the answer the key or value being kept started.
    private var extraStart = 0
    private var place = Place.beforeEnvelope
    /// Bytes not yet handed out: everything since the end of the last batch.
    private var pending: [UInt8] = []
    /// Where `pending` starts in the answer.
    private var pendingStart = 0
    /// Where the items completed since the last batch lie in `pending`.
    private var completeItems: [Range<Int>] = []
    /// Where in `pending` the current item starts.
    private var itemStart = 0
    private var isListValue = false
    private var sawList = false
    /// Open brackets of the value being skipped or the item being read.
    private var brackets: [UInt8] = []
    private var inString = false
    private var escaped = false
    /// The value being skipped or the item being read is a scalar (number, literal).
    private var inScalar = false

    /// Scans the next bytes of the answer.
    mutating func feed(_ chunk: some Collection<UInt8>) {
        guard status == .reading else {
            if status == .complete, chunk.contains(where: { !Self.isSpace($0) }) {
                status = .irregular
                problem = "more data after the end of the answer"
            }
            return
        }
        let start = pending.count
        pending.append(contentsOf: chunk)
        var index = start
        while index < pending.count, status == .reading {
            index = step(at: index)
        }
        if status == .complete, let extra = pending[index...].firstIndex(where: { !Self.isSpace($0) }) {
            flag("more data after the end of the answer", at: extra)
        }
    }

    private mutating func flag(_ reason: String, at index: Int) {
        status = .irregular
        problem = "\(reason) at byte \(pendingStart + index)"
    }

    /// Hands `body` the items completed and not yet dropped, as they lie between the list's
    /// brackets (the items and the separators between them: `{...}, {...}`), read in place;
    /// nil when there are none.
    func withCompleteItems<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let first = completeItems.first, let last = completeItems.last else { return nil }
        return pending.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[first.lowerBound..<last.upperBound])) }
    }

    /// Items as `withCompleteItems` hands them over, as a whole answer of their own.
    static func answer(key: String, items: some Collection<UInt8>) -> [UInt8] {
        Array("{\"\(key)\":[".utf8) + items + Array("]}".utf8)
    }

    /// Lets the complete items go (they have been handed over).
    mutating func dropCompleteItems() {
        guard let end = completeItems.last?.upperBound else { return }
        pending.removeSubrange(..<end)
        pendingStart += end
        itemStart -= end
        completeItems.removeAll(keepingCapacity: true)
    }

    /// How many items are complete and not yet handed out.
    var completeItemCount: Int { completeItems.count }

    /// Handles the byte at `index`; returns the index of the next byte to look at.
    private mutating func step(at index: Int) -> Int {
        let byte = pending[index]
        switch place {
        case .beforeEnvelope:
            if Self.isSpace(byte) { return index + 1 }
            return expect(byte == UInt8(ascii: "{"), then: .beforeKey(first: true), index)
        case .beforeKey(let first):
            if Self.isSpace(byte) { return index + 1 }
            if first, byte == UInt8(ascii: "}") { return finishEnvelope(index) }
            extraStart = pendingStart + index
            return expect(byte == UInt8(ascii: "\""), then: .inKey, index)
        case .inKey:
            return readKey(byte, index)
        case .beforeColon:
            if Self.isSpace(byte) { return index + 1 }
            return expect(byte == UInt8(ascii: ":"), then: .beforeValue, index)
        case .beforeValue:
            if Self.isSpace(byte) { return index + 1 }
            if isListValue { return expect(byte == UInt8(ascii: "["), then: .beforeItem(first: true), index) }
            startValue()
            extraStart = pendingStart + index
            place = .inValue
            return index
        case .inValue:
            return skipValue(byte, index) { scanner in
                scanner.keepExtra(endingBefore: index + (scanner.inScalar ? 0 : 1))
                scanner.place = .afterValue
            }
        case .afterValue:
            if Self.isSpace(byte) { return index + 1 }
            if byte == UInt8(ascii: "}") { return finishEnvelope(index) }
            return expect(byte == UInt8(ascii: ","), then: .beforeKey(first: false), index)
        case .beforeItem(let first):
            if Self.isSpace(byte) { return index + 1 }
            if first, byte == UInt8(ascii: "]") { return expect(true, then: .afterValue, index) }
            itemStart = index
            startValue()
            place = .inItem
            return index
        case .inItem:
            let end = fastForward(from: index)
            if end > index { return end }
            return skipValue(byte, index) { scanner in
                scanner.completeItem(endingBefore: index + (scanner.inScalar ? 0 : 1))
            }
        case .afterItem:
            if Self.isSpace(byte) { return index + 1 }
            if byte == UInt8(ascii: "]") { return expect(true, then: .afterValue, index) }
            return expect(byte == UInt8(ascii: ","), then: .beforeItem(first: false), index)
        }
    }

    private mutating func expect(_ condition: Bool, then next: Place, _ index: Int) -> Int {
        guard condition else {
            let byte = pending[index]
            let shown = (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16, uppercase: true)
            flag("unexpected \(shown)", at: index)
            return index
        }
        place = next
        return index + 1
    }

    private mutating func finishEnvelope(_ index: Int) -> Int {
        guard sawList else {
            flag("no \"\(key)\" list", at: index)
            return index
        }
        status = .complete
        return index + 1
    }

    /// A key's bytes, kept whole at its closing quote; it is the list's key only as written
    /// plainly (no real API escapes it). A second one is passed over like any other key: the
    /// first one counts.
    private mutating func readKey(_ byte: UInt8, _ index: Int) -> Int {
        if escaped {
            escaped = false
        } else if byte == UInt8(ascii: "\\") {
            escaped = true
        } else if byte == UInt8(ascii: "\"") {
            keepExtra(endingBefore: index + 1)
            isListValue = !sawList && extras.last?.elementsEqual(quotedKey) == true
            sawList = sawList || isListValue
            place = .beforeColon
        }
        return index + 1
    }

    /// Keeps the key or value from `extraStart` up to `end` (an index into `pending`).
    private mutating func keepExtra(endingBefore end: Int) {
        let start = extraStart - pendingStart
        extraBytes += end - start
        guard extraBytes <= Self.maxExtraBytes else {
            flag("more than \(Self.maxExtraBytes >> 20) MB outside the \(key) list", at: end)
            return
        }
        extras.append(Array(pending[start..<end]))
    }

    private mutating func startValue() {
        brackets.removeAll(keepingCapacity: true)
        inString = false
        escaped = false
        inScalar = false
    }

    /// One byte of a value being passed over; `done` runs when the value ends. A scalar ends
    /// at the byte after it, which is then looked at again in the next place.
    private mutating func skipValue(_ byte: UInt8, _ index: Int, done: (inout Self) -> Void) -> Int {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                if brackets.isEmpty { done(&self) }
            }
            return index + 1
        }
        if inScalar {
            guard Self.isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") else {
                return index + 1
            }
            done(&self)
            return index
        }
        switch byte {
        case UInt8(ascii: "\""):
            inString = true
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard brackets.count < Self.maxDepth else {
                flag("nesting deeper than \(Self.maxDepth) levels", at: index)
                return index
            }
            brackets.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            guard brackets.last == byte else {
                flag("unbalanced '\(Character(Unicode.Scalar(byte)))'", at: index)
                return index
            }
            brackets.removeLast()
            if brackets.isEmpty { done(&self) }
        case _ where Self.isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":"):
            if brackets.isEmpty { flag("unexpected '\(Character(Unicode.Scalar(byte)))'", at: index) }
        default:
            if brackets.isEmpty { inScalar = true }
        }
        return index + 1
    }

    /// Moves through the inside of the item being read in one loop, as `skipValue` would byte
    /// by byte, and stops where `skipValue` has more to do: at the byte that ends the item or
    /// breaks its nesting, or at the end of the bytes. Most of an answer is the inside of its
    /// items, and a step per byte made the scanner the largest cost of a fleet-wide read; it
    /// takes 64 bytes at a time (`ByteBlock`) where they hold no backslash, and goes from
    /// quote to quote elsewhere.
    private mutating func fastForward(from start: Int) -> Int {
        guard !inScalar, inString || !brackets.isEmpty else { return start }
        var index = start
        var inString = self.inString, escaped = self.escaped
        var stack = brackets
        brackets = []
        defer {
            self.inString = inString
            self.escaped = escaped
            brackets = stack
        }
        // Blocks are taken from here on (past the last backslash found in one).
        var blocksFrom = start
        pending.withUnsafeBufferPointer { bytes in
            while index < bytes.count {
                if !escaped, !stack.isEmpty, index >= blocksFrom, index + ByteBlock.size <= bytes.count {
                    switch Self.passBlock(at: index, of: bytes, inString: &inString, stack: &stack) {
                    case .passed:
                        index += ByteBlock.size
                        continue
                    case .stopped(let at):
                        index = at
                        return
                    case .backslash(let at):
                        blocksFrom = at + 2
                    }
                }
                if inString && !escaped {
                    // The inside of a string matters only where it ends or escapes.
                    index = ByteScan.quoteOrBackslash(in: bytes, from: index)
                    guard index < bytes.count else { return }
                } else if !inString {
                    // Between strings, only quotes and brackets change anything here.
                    index = ByteScan.quoteOrBracket(in: bytes, from: index)
                    guard index < bytes.count else { return }
                }
                let byte = bytes[index]
                if escaped {
                    escaped = false
                } else if inString {
                    if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        // An item that is a string ends here: `skipValue` ends it.
                        if stack.isEmpty { return }
                        inString = false
                    }
                } else {
                    switch byte {
                    case UInt8(ascii: "\""):
                        inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        guard stack.count < Self.maxDepth else { return }
                        stack.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        guard stack.count > 1, stack.last == byte else { return }
                        stack.removeLast()
                    default:
                        break
                    }
                }
                index += 1
            }
        }
        return index
    }

    private enum BlockStep {
        /// The block holds nothing that ends the item or breaks its nesting.
        case passed
        /// At this byte (a bracket outside strings) the item ends or its nesting breaks.
        case stopped(at: Int)
        /// The block has a backslash here: it is taken quote by quote.
        case backslash(at: Int)
    }

    /// Takes the 64 bytes at `start` as `fastForward` takes them one by one, following the
    /// strings and the nesting (`stack`, never emptied here), unless they hold a backslash.
    private static func passBlock(
        at start: Int, of bytes: UnsafeBufferPointer<UInt8>, inString: inout Bool, stack: inout [UInt8]
    ) -> BlockStep {
        let block = ByteBlock(bytes.baseAddress! + start)
        if let backslash = block.firstBackslash { return .backslash(at: start + backslash) }
        let inside = block.insideStrings(startingInside: inString)
        var brackets = block.brackets & ~inside
        while brackets != 0 {
            let bit = brackets.trailingZeroBitCount
            let byte = bytes[start + bit]
            if byte | 0x20 == UInt8(ascii: "{") {
                guard stack.count < maxDepth else {
                    inString = false
                    return .stopped(at: start + bit)
                }
                stack.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            } else {
                guard stack.count > 1, stack.last == byte else {
                    inString = false
                    return .stopped(at: start + bit)
                }
                stack.removeLast()
            }
            brackets &= brackets - 1
        }
        inString = inside >> 63 == 1
        return .passed
    }

    private mutating func completeItem(endingBefore end: Int) {
        completeItems.append(itemStart..<end)
        place = .afterItem
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
