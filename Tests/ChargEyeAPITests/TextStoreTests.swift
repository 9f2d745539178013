@testable import ChargEyeAPI
import Testing

@Suite("Text store")
struct TextStoreTests {
    @Test("an empty text right after a full chunk, and texts across chunks, read back as stored")
    func emptyAfterFullChunk() {
        var store = TextStore()
        let filler = String(repeating: "a", count: 1 << 15)
        let first = store.add(filler), second = store.add(filler)
        let empty = store.add("")
        let next = store.add("after")
        #expect(store.string(first) == filler && store.string(second) == filler)
        #expect(store.string(empty) == "")
        #expect(store.string(next) == "after")
        #expect(store.string(store.add(nil)) == nil)
        #expect(Array("".utf8).withUnsafeBufferPointer { store.isEqual(empty, to: $0) })
        #expect(!Array("".utf8).withUnsafeBufferPointer { store.isEqual(next, to: $0) })
    }

    @Test("joining a store of empty texts only")
    func joinEmpty() {
        var empties = TextStore()
        let empty = empties.add("")
        var store = TextStore()
        let kept = store.add("kept")
        let move = store.append(empties)
        #expect(store.string(move(empty)) == "" && store.string(kept) == "kept")
    }
}
