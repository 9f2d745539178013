public import ChargEyeAPI

/// The locations of a streamed answer that arrived so far: the whole list each time, shared
/// with the reader rather than copied, so the list takes over just the rows it lacks.
public struct LocationsSoFar: Sendable, Equatable {
    public var locations: LocationTable
    /// How often the answer started over (one that is not the plain shape is decoded whole at
    /// the end and replaces the parts before it).
    public var restarts: Int

    public init(locations: LocationTable = LocationTable(), restarts: Int = 0) {
        self.locations = locations
        self.restarts = restarts
    }
}
