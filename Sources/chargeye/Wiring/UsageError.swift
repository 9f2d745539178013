/// A problem with what the user asked for (configuration, arguments, environment) that is
/// found after parsing; exits with code 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
