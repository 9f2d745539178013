import ChargEyeAPI
import Testing

@Suite("Secrets in text")
struct SecretRedactorTests {
    @Test("secrets and JWT-shaped text are redacted")
    func redaction() {
        let redactor = SecretRedactor()
        redactor.register(Secret("refresh-secret-value"))
        let text = "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl and refresh-secret-value"
        #expect(redactor.redact(text) == "token <redacted> and <redacted>")
    }
}
