import Foundation
import Testing
import TestTools

/// The API definition checked by an outside validator (python-jsonschema, JSON Schema 2020-12
/// with formats), never by chargeye's own decoder: its own examples and the facts sheet's
/// composite example validate, known-bad documents do not (`Tests/Definition`).
@Suite("The API definition against its evidence")
struct DefinitionTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static let python = root.appendingPathComponent(".venv/bin/python")

    /// Runs where the validator's virtual environment is: `.ci/python-tools.sh` makes it, and
    /// `bash .ci/run` runs that before `swift test`, so CI always runs this test.
    @Test(
        "the definition's examples and the facts sheet's composite example validate; bad documents do not",
        .enabled(if: FileManager.default.isExecutableFile(atPath: python.path), "run .ci/python-tools.sh first")
    )
    func examplesValidate() async throws {
        let result = try await ChildProcess.run(
            Self.python,
            ["Tests/Definition/validate_examples.py", "Resources/openapi.yaml", "Tests/Definition/facts-6.14-station.json"],
            in: Self.root
        )
        let text = result.output
        #expect(result.status == 0, "\(text)")
        #expect(text.contains("facts sheet 6.14 composite example: valid"))
        #expect(text.contains("0 disagreements"))
    }
}
