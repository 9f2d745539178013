import Synchronization

/// Defence in depth for everything written to logs and error output: replaces any registered
/// secret (the refresh token) and anything shaped like a JWT with `<redacted>`.
public final class SecretRedactor: Sendable {
    /// The process-wide redactor.
    public static let shared = SecretRedactor()

    private let secrets = Mutex<[String]>([])

    /// A redactor of its own (the process uses `shared`).
    public init() {}

    /// Remembers a secret so it is redacted wherever it appears.
    public func register(_ secret: Secret) {
        guard secret.value.count >= 8 else { return }
        secrets.withLock { if !$0.contains(secret.value) { $0.append(secret.value) } }
    }

    /// `text` with every secret and JWT-shaped token replaced.
    public func redact(_ text: String) -> String {
        var result = text.replacing(/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/, with: "<redacted>")
        for secret in secrets.withLock({ $0 }) {
            result = result.replacing(secret, with: "<redacted>")
        }
        return result
    }
}
