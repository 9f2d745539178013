// swift-tools-version:6.2
import PackageDescription

/// One set of compiler settings for every target: Swift 6 language mode (strict concurrency is
/// part of it) and internal imports by default, so no target can leak a dependency's types
/// through its public API by accident.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

/// `Tests/Fuzz/fuzz.sh` builds `chargeye-fuzz` against libFuzzer: it sets CHARGEYE_FUZZ_RUNTIME
/// to libFuzzer's library without a `main` (the harness calls its driver), so only this target
/// links it; every other build, CI's included, gets the corpus-replay program instead.
let fuzzing: (swiftSettings: [SwiftSetting], linkerSettings: [LinkerSetting]) = {
    guard let runtime = Context.environment["CHARGEYE_FUZZ_RUNTIME"], !runtime.isEmpty else { return ([], []) }
    return ([.define("FUZZING")], [.unsafeFlags([runtime, "-lstdc++"])])
}()

let package = Package(
    name: "chargeye",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chargeye", targets: ["chargeye"]),
        .library(name: "ChargEyeAPI", targets: ["ChargEyeAPI"]),
        .library(name: "ChargEyeSimulator", targets: ["ChargEyeSimulator"]),
        .executable(name: "chargeye-fuzz", targets: ["ChargEyeFuzz"]),
        .executable(name: "chargeye-bench", targets: ["ChargEyeBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(name: "ChargEyeText", swiftSettings: swiftSettings),
        .target(
            name: "ChargEyeAPI",
            dependencies: [
                "ChargEyeText",
                "CByteClasses",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "ChargEyeSimulator",
            dependencies: [
                "ChargEyeAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ChargEyeFleet",
            dependencies: ["ChargEyeAPI"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ChargEyeUsage",
            dependencies: ["ChargEyeAPI", "ChargEyeText"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ChargEyeMonitoring",
            dependencies: [
                "ChargEyeAPI", "ChargEyeFleet", "ChargEyeText",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ViewModels",
            dependencies: ["ChargEyeAPI", "ChargEyeText", "ChargEyeFleet", "ChargEyeUsage"],
            swiftSettings: swiftSettings
        ),
        .systemLibrary(name: "CNcursesw"),
        // prctl(2), which is variadic in C: chargeye makes itself non-dumpable at start.
        .systemLibrary(name: "CProcessControl"),
        // 64 bytes of JSON classified with SSE2 (quotes, backslashes, brackets) for the list scanner.
        .systemLibrary(name: "CByteClasses"),
        .target(
            name: "TerminalUI",
            dependencies: ["ViewModels", "ChargEyeText", "CNcursesw"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "chargeye",
            dependencies: [
                "ChargEyeAPI",
                "ChargEyeText",
                "ChargEyeSimulator",
                "ChargEyeFleet",
                "ChargEyeMonitoring",
                "ChargEyeUsage",
                "ViewModels",
                "TerminalUI",
                "CProcessControl",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["BuildInfoPlugin"]
        ),
        // Writes the version, commit and build date that `chargeye --version` reports.
        .plugin(name: "BuildInfoPlugin", capability: .buildTool(), path: "Sources/BuildInfoPlugin"),
        .executableTarget(
            name: "ChargEyeFuzz",
            dependencies: [
                "ChargEyeAPI",
                "ChargEyeText",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            swiftSettings: swiftSettings + fuzzing.swiftSettings,
            linkerSettings: fuzzing.linkerSettings
        ),
        .executableTarget(
            name: "ChargEyeBench",
            dependencies: [
                "ChargEyeAPI",
                "ChargEyeUsage",
                "ChargEyeText",
                "ChargEyeSimulator",
                "ViewModels",
                "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChargEyeTextTests",
            dependencies: ["ChargEyeText"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChargEyeAPITests",
            dependencies: [
                "ChargEyeText",
                "ChargEyeAPI",
                "ChargEyeSimulator",
                "TestTools",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChargEyeUsageTests",
            dependencies: ["ChargEyeUsage", "ChargEyeAPI"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChargEyeSimulatorTests",
            dependencies: ["ChargEyeText", "ChargEyeSimulator", "ChargEyeAPI"],
            swiftSettings: swiftSettings
        ),
        // Shared by the test targets: real tools that check output, child processes run without
        // holding a thread; ships with nothing.
        .target(name: "TestTools", path: "Tests/TestTools", swiftSettings: swiftSettings),
        .testTarget(
            name: "ChargEyeMonitoringTests",
            dependencies: [
                "ChargEyeAPI", "ChargEyeFleet", "ChargEyeMonitoring", "ChargEyeSimulator", "TestTools",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ViewModelsTests",
            dependencies: ["ChargEyeText", "ViewModels", "ChargEyeAPI", "ChargEyeSimulator", "ChargEyeUsage"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["ChargEyeText", "TerminalUI", "ViewModels", "ChargEyeAPI", "ChargEyeSimulator"],
            exclude: ["Snapshots"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["ChargEyeText", "ChargEyeSimulator", "ChargEyeAPI", "TestTools"],
            swiftSettings: swiftSettings
        ),
    ]
)
