extension ChargEyeClient {
    /// Every station the caller can see: one unfiltered `GET /stations` (read in batches as it
    /// arrives, so decoding keeps pace with a large answer instead of following it), or, when
    /// the server refuses that (400, 401 after a fresh token, 403, 404), one call per location,
    /// at most `policy.concurrency` in flight and only up to `policy.locationLimit` locations.
    /// `progress` hears of every batch of the one call, or of every location answered.
    /// A location that fails is recorded as a gap and the rest carry on; authentication
    /// failures, and every location failing, end the read with the error.
    public func fleetStations(
        policy: FleetReadPolicy = .standard, progress: @escaping @Sendable (FleetProgress) -> Void = { _ in }
    ) async throws -> FleetStations {
        do {
            return FleetStations(try await unfilteredStations(progress: progress), source: .unfiltered)
        } catch let error as ChargEyeError {
            guard let refusal = Self.unfilteredRefusal(error) else { throw error }
            return try await stationsLocationByLocation(after: refusal, policy: policy, progress: progress)
        }
    }

    /// The one unfiltered call, streamed, with every batch reported. An answer that breaks
    /// off after stations have come (the connection dropped mid-body) is read again once, in
    /// one piece with the usual retries, rather than failing on what a retry would cure.
    private func unfilteredStations(progress: @escaping @Sendable (FleetProgress) -> Void) async throws -> StationCollector {
        let collector = Locked(StationCollector())
        do {
            _ = try await streamAllStations { batch, replacesEarlier in
                let soFar = collector.withLock {
                    if replacesEarlier { $0 = StationCollector() }
                    $0.add(contentsOf: batch)
                    return $0.stations
                }
                progress(FleetProgress(done: 0, total: 0, stations: soFar.count, soFar: soFar))
            }
            return collector.withLock { $0 }
        } catch let error as ChargEyeError where error.isRetryable && !collector.withLock(\.stations.isEmpty) {
            configuration.logger.warning("GET /stations broke off after \(collector.withLock(\.stations.count)) stations (\(error.shortReason)); reading it again")
            var whole = StationCollector()
            whole.add(contentsOf: StationTable(try await allStations()))
            return whole
        }
    }

    /// The refusal that means "this server wants a filter", or nil for any other failure.
    static func unfilteredRefusal(_ error: ChargEyeError) -> ChargEyeError.HTTPFailure? {
        switch error {
        case .http(let failure) where [400, 403, 404].contains(failure.status): failure
        case .permissionDenied(let failure): failure
        default: nil
        }
    }

    private func stationsLocationByLocation(
        after refusal: ChargEyeError.HTTPFailure, policy: FleetReadPolicy,
        progress: @escaping @Sendable (FleetProgress) -> Void
    ) async throws -> FleetStations {
        let locations = try await locations()
        guard locations.count <= policy.locationLimit else {
            throw ChargEyeError.fleetTooLarge(.init(refusal: refusal, locations: locations.count, limit: policy.locationLimit))
        }
        var names: [String: String] = [:]
        for location in locations { names[location.id] = location.name }
        progress(FleetProgress(done: 0, total: locations.count))
        // Each answer is kept compact until all are in: a fleet read this way can be as large as
        // the unfiltered one.
        var answers = [Result<StationTable, ChargEyeError>?](repeating: nil, count: locations.count)
        try await withThrowingTaskGroup(of: (Int, Result<StationTable, ChargEyeError>).self) { group in
            var next = 0
            func start() {
                guard next < locations.count else { return }
                let index = next, uid = locations[index].id, name = locations[index].name
                next += 1
                group.addTask {
                    do { return (index, .success(StationTable(try await self.stations(locationUid: uid).lazy.map { Self.placed($0, at: uid, named: name) }))) }
                    catch let error as ChargEyeError { return (index, .failure(error)) }
                }
            }
            for _ in 0..<policy.concurrency { start() }
            var done = 0, failed = 0
            let firstWave = min(policy.concurrency, locations.count)
            while let (index, answer) = try await group.next() {
                if case .failure(let error) = answer {
                    failed += 1
                    // The same refusal for every location of the first wave (no permission for
                    // the live view, an outage) would only repeat for the rest.
                    if error.endsFleetRead || (done < firstWave && failed == firstWave) { throw error }
                }
                answers[index] = answer
                done += 1
                progress(FleetProgress(done: done, total: locations.count))
                start()
            }
        }
        var collector = StationCollector(names: names)
        var gaps: [FleetStations.Gap] = []
        for (location, answer) in zip(locations, answers) {
            switch answer {
            case .success(let found): collector.add(contentsOf: found)
            case .failure(let error): gaps.append(.init(locationUid: location.id, error: error))
            case nil: break
            }
        }
        if !locations.isEmpty, gaps.count == locations.count { throw gaps[0].error }
        return FleetStations(collector, source: .perLocation(locations: locations.count), gaps: gaps)
    }
}

extension ChargEyeClient {
    /// A station read for location `uid`, which says where it is even when the server left
    /// that out (its location id, and the name for searches and lists).
    static func placed(_ station: Station, at uid: String, named name: String?) -> Station {
        var station = station
        if station.locationUid == nil { station.locationUid = uid }
        if (station.location?.name ?? nil) == nil, station.locationUid == uid, let name {
            var place = station.location ?? .init()
            place.name = name
            station.location = place
        }
        return station
    }
}

extension ChargEyeError {
    /// Failures after which reading more locations would only repeat them.
    var endsFleetRead: Bool {
        switch self {
        case .refreshTokenRejected, .missingRefreshToken, .invalidConfiguration: true
        default: false
        }
    }
}
