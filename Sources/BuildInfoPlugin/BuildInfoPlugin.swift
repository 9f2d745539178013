import Foundation
import PackagePlugin

/// Gives `chargeye --version` its facts: before every build, `Scripts/build-info.sh` writes
/// `BuildInfo.swift` with the version from `Resources/VERSION` (the one place it is kept), the
/// git commit (marked dirty when tracked files have changes) and the build date
/// (`SOURCE_DATE_EPOCH` when set, so a release can be rebuilt byte for byte). The file is
/// replaced only when its text changes, so a build with nothing new compiles nothing again.
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        var environment: [String: String] = [:]
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] { environment["SOURCE_DATE_EPOCH"] = epoch }
        return [
            .prebuildCommand(
                displayName: "Build facts for chargeye --version",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [root.appending(path: "Scripts/build-info.sh").path, root.path, output.path],
                environment: environment,
                outputFilesDirectory: output
            )
        ]
    }
}
