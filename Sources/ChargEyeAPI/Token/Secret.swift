import Foundation

/// A credential that never shows itself: printing, interpolating or dumping it gives
/// `<redacted>`. Only `value` (used when building the Authorization header) reveals it.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret text.
    public let value: String

    /// Wraps a secret; surrounding white space (a trailing newline in a file) is removed.
    public init(_ value: String) {
        self.value = value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `<redacted>`.
    public var description: String { "<redacted>" }
    /// `<redacted>`.
    public var debugDescription: String { "<redacted>" }
    /// Nothing to see.
    public var customMirror: Mirror { Mirror(self, children: []) }
    /// True when there is nothing in it.
    public var isEmpty: Bool { value.isEmpty }
}
