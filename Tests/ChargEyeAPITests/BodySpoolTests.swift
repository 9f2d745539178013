@testable import ChargEyeAPI
import Foundation
import Testing

@Suite("Response bodies waiting for their reader")
struct BodySpoolTests {
    private static func readAll(_ body: SpooledBody) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in body { bytes += chunk }
        return bytes
    }

    @Test("small bodies wait in memory and come out in order")
    func inMemory() async throws {
        let spool = BodySpool { Issue.record("the transfer was stopped") }
        for piece in ["ab", "cde", "", "f"] { spool.yield(Data(piece.utf8)) }
        spool.finish()
        #expect(try await Self.readAll(SpooledBody(spool)) == Array("abcdef".utf8))
    }

    @Test("past the memory limit the rest waits in a file, read back in order")
    func spilled() async throws {
        let spool = BodySpool(memoryLimit: 64) { Issue.record("the transfer was stopped") }
        var sent: [UInt8] = []
        for index in 0..<5_000 {
            let piece = (0..<(index % 13)).map { UInt8(truncatingIfNeeded: index &* 31 &+ $0) }
            sent += piece
            spool.yield(Data(piece))
            #expect(spool.bytesInMemory <= 64)
        }
        spool.finish()
        #expect(try await Self.readAll(SpooledBody(spool)) == sent)
    }

    @Test("a reader keeps up with a writer on another thread, spilling or not", arguments: [1 << 10, 1 << 30])
    func concurrent(memoryLimit: Int) async throws {
        let spool = BodySpool(memoryLimit: memoryLimit) { Issue.record("the transfer was stopped") }
        let sent = (0..<(2 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let writer = Thread {
            for start in stride(from: 0, to: sent.count, by: 1_000) { spool.yield(Data(sent[start..<min(sent.count, start + 1_000)])) }
            spool.finish()
        }
        writer.start()
        #expect(try await Self.readAll(SpooledBody(spool)) == sent)
    }

    @Test("a failure reaches the reader after the bytes before it")
    func failure() async throws {
        let spool = BodySpool(memoryLimit: 4) { Issue.record("the transfer was stopped") }
        spool.yield(Data("12345678".utf8))
        spool.finish(throwing: URLError(.networkConnectionLost))
        var received: [UInt8] = []
        await #expect(throws: URLError.self) {
            for try await chunk in SpooledBody(spool) { received += chunk }
        }
        #expect(received == Array("12345678".utf8))
    }

    @Test("a body nobody reads stops the transfer once, and takes no more bytes")
    func readerGone() async throws {
        let stops = Locked(0)
        let spool = BodySpool(memoryLimit: 4) { stops.withLock { $0 += 1 } }
        spool.yield(Data("123456".utf8))
        do { _ = SpooledBody(spool) }
        spool.yield(Data("more".utf8))
        spool.finish()
        #expect(stops.withLock { $0 } == 1)
        #expect(spool.bytesInMemory == 0)
    }

    @Test("a cancelled reader stops the transfer")
    func cancelled() async throws {
        let stops = Locked(0)
        let spool = BodySpool { stops.withLock { $0 += 1 } }
        let reader = Task { try await Self.readAll(SpooledBody(spool)) }
        try await Task.sleep(for: .milliseconds(50))
        reader.cancel()
        await #expect(throws: CancellationError.self) { _ = try await reader.value }
        #expect(stops.withLock { $0 } == 1)
    }
}
