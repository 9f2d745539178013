/// A check's `--deadline` passed before the API answered.
struct DeadlinePassed: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "no answer within the \(Int(seconds)) s deadline (--deadline); the API or the network is slow" }
}
