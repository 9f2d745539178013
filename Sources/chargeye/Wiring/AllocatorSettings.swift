/// glibc's `mallopt` (declared in malloc.h, which the Glibc module does not export).
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// glibc's allocator, set for a process that holds one large list and streams it in. By
/// default glibc raises its "map separately" threshold each time a large block is freed and
/// gives threads heaps of their own, so the buffers of a streamed 100,000-location answer end
/// up in heaps that keep their memory after the load (peak RSS 10–20 MB higher, measured).
enum AllocatorSettings {
    /// malloc.h's M_MMAP_THRESHOLD: blocks from this size on are mapped on their own and
    /// returned to the system when freed (setting it also stops glibc from raising it).
    private static let mapThreshold: (parameter: Int32, value: Int32) = (-3, 128 * 1024)
    /// malloc.h's M_ARENA_MAX: heaps shared by all threads (main loop, network, decoding).
    private static let heapCount: (parameter: Int32, value: Int32) = (-8, 2)

    static func apply() {
        #if os(Linux)
        for setting in [mapThreshold, heapCount] { _ = mallopt(setting.parameter, setting.value) }
        #endif
    }
}
