public import ArgumentParser
public import ChargEyeUsage

/// `--by day|week|month`.
extension BucketSize: ExpressibleByArgument {}
