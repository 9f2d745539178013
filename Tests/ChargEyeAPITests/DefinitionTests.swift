import Foundation
import Testing

/// The API definition checked by an outside validator (python-jsonschema, JSON Schema 2020-12
/// with formats), never by chargeye's own decoder: its own examples and the facts sheet's
/// composite example validate, known-bad documents do not (`Tests/Definition`).
@Suite("The API definition against its evidence")
struct DefinitionTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the definition's examples and the facts sheet's composite example validate; bad documents do not")
    func examplesValidate() throws {
        let python = Self.root.appendingPathComponent(".venv/bin/python")
        try #require(
            FileManager.default.isExecutableFile(atPath: python.path),
            "needs the validator's virtual environment: run .ci/python-tools.sh (bash .ci/run does)"
        )
        let process = Process()
        process.executableURL = python
        process.currentDirectoryURL = Self.root
        process.arguments = ["Tests/Definition/validate_examples.py", "Resources/openapi.yaml", "Tests/Definition/facts-6.14-station.json"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("facts sheet 6.14 composite example: valid"))
        #expect(text.contains("0 disagreements"))
    }
}
