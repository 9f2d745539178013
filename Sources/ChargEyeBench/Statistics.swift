/// Medians and percentiles of samples.
enum Statistics {
    static func median(_ samples: [Double]) -> Double { percentile(samples, 50) }

    /// The nearest-rank percentile (`p` in 0...100); 0 for no samples.
    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(sorted.count - 1, max(0, rank))]
    }
}
