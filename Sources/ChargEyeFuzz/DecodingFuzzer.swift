import ChargEyeText
import ChargEyeAPI
import Foundation

/// Feeds arbitrary bytes to every read of the API through the real client (middlewares,
/// UTF-8 repair, generated decoders, error mapping) and checks three properties: every failure
/// is a `ChargEyeError` (so the user gets a message, never a crash or a raw error), every text
/// that decodes comes out of the sanitizer free of control, escape and bidi characters, and the
/// streamed lists (the browser's locations, the fleet's stations, decoded from their bytes
/// where they are regular) give exactly what the one-piece calls give.
enum DecodingFuzzer {
    private static let transport = FixedBodyTransport()
    private static let client: ChargEyeClient = {
        var configuration = ChargEyeConfiguration(baseURL: URL(string: "http://fuzz.invalid/api")!, refreshToken: Secret("fuzz"))
        configuration.tokenCacheDirectory = nil
        configuration.retryPolicy = .none
        return try! ChargEyeClient(configuration: configuration, transport: transport)
    }()

    /// Runs one input through every read; traps on a property violation.
    static func run(_ data: Data) {
        transport.answer(with: data)
        let done = DispatchSemaphore(value: 0)
        Task {
            defer { done.signal() }
            let whole = await check { try await client.locations() }
            for location in whole ?? [] { expectInert([location.id, location.name, location.city, location.address]) }
            await expectSameAsStreamed(whole, "locations") { onBatch in
                try await client.streamLocations { onBatch(Array($0.locations), $0.replacesEarlierParts) }
            }
            if let location = await check({ try await client.location(uid: "x") }) { expectInert([location.name]) }
            if let stations = await check({ try await client.stations(locationUid: "x") }) {
                for station in stations { expectInert([station.stationId, station.name]) }
            }
            _ = await check { try await client.stations(ids: ["a", "b"]) }
            let fleet = await check { try await client.allStations() }
            await expectSameAsStreamed(fleet, "stations") { onBatch in
                try await client.streamAllStations { onBatch(Array($0), $1) }
            }
            _ = await check { try await client.stationAssets(locationUid: "x") }
            _ = await check { try await client.transactions(stationId: "x") }
            _ = await check { try await client.vehicles(locationUid: "x") }
            _ = await check { try await client.get(path: "/locations") }
        }
        done.wait()
        expectLossless(data)
    }

    /// Lossless output (`RawJSON`) re-indents any JSON into the same JSON value, with nothing
    /// a terminal acts on left raw, and slices members and elements without trapping.
    private static func expectLossless(_ data: Data) {
        guard let raw = RawJSON(data) else { return }
        let pretty = raw.pretty()
        _ = raw.members?.map { $0.value.pretty(level: 1) }
        _ = raw.elements?.map { $0.pretty(level: 1) }
        if let bad = pretty.unicodeScalars.first(where: { TextSanitizer.isUnsafe($0) && $0 != "\n" }) {
            fatalError("U+\(String(bad.value, radix: 16)) went out raw in lossless JSON")
        }
        guard let before = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? NSObject else { return }
        let after = try? JSONSerialization.jsonObject(with: Data(pretty.utf8), options: [.fragmentsAllowed]) as? NSObject
        if after != before { fatalError("lossless JSON changed the value") }
    }

    /// The streamed read must agree with the one-piece read: the same items, or a failure
    /// for both (inputs here are far below the size past which a streamed read stops keeping
    /// the answer for the ordinary decoder).
    private static func expectSameAsStreamed<Item: Equatable & Sendable>(
        _ whole: [Item]?, _ what: String,
        stream: (@escaping @Sendable ([Item], _ replacesEarlier: Bool) -> Void) async throws -> Int
    ) async {
        let streamed = Locked<[Item]>([])
        let count = await check {
            try await stream { batch, replacesEarlier in streamed.withLock { $0 = replacesEarlier ? batch : $0 + batch } }
        }
        let items = streamed.withLock { $0 }
        switch (whole, count) {
        case (let whole?, let count?) where whole == items && count == whole.count: break
        case (nil, nil): break
        default: fatalError("streamed read (\(count.map(String.init) ?? "failed"), \(items.count) \(what)) disagrees with the one-piece read (\(whole.map { "\($0.count) \(what)" } ?? "failed"))")
        }
    }

    private static func check<T>(_ call: () async throws -> T) async -> T? {
        do {
            return try await call()
        } catch let error as ChargEyeError {
            expectInert([error.description])
            return nil
        } catch {
            fatalError("a failure that is not a ChargEyeError reached the caller: \(error)")
        }
    }

    private static func expectInert(_ texts: [String?]) {
        for text in texts.compactMap({ $0 }) {
            let shown = TextSanitizer.singleLine(text, limit: 200)
            let bad = shown.unicodeScalars.first { scalar in
                scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            }
            if let bad { fatalError("U+\(String(bad.value, radix: 16)) survived sanitizing") }
        }
    }
}
