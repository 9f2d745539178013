public import Foundation
import NIOSSL

/// Which certificate authorities a server's certificate may chain to: the system's trust store
/// (or what `SSL_CERT_FILE` / `SSL_CERT_DIR` name instead, as OpenSSL's tools read them), plus
/// any PEM bundle given with `--ca-file` (a private CA, or the CA of a proxy that inspects TLS).
/// Verification itself is never turned off: there is no setting for it.
public struct TLSTrust: Sendable, Equatable {
    /// A PEM bundle trusted in addition to the system's roots.
    public var caFile: String?
    /// A PEM bundle that replaces the system's bundle (`SSL_CERT_FILE`).
    public var systemFile: String?
    /// A directory of hashed certificates that replaces the system's (`SSL_CERT_DIR`).
    public var systemDirectory: String?

    /// The system's trust store and nothing else.
    public init(caFile: String? = nil, systemFile: String? = nil, systemDirectory: String? = nil) {
        self.caFile = caFile
        self.systemFile = systemFile
        self.systemDirectory = systemDirectory
    }

    /// The trust for `caFile` with `SSL_CERT_FILE` and `SSL_CERT_DIR` read from `environment`
    /// (empty values count as unset).
    public static func resolve(caFile: String?, environment: [String: String]) -> TLSTrust {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        return TLSTrust(caFile: caFile, systemFile: value("SSL_CERT_FILE"), systemDirectory: value("SSL_CERT_DIR"))
    }

    /// Where the extra and replacement roots come from, for messages and logs.
    public var summary: String {
        var parts: [String] = []
        if let systemFile { parts.append("SSL_CERT_FILE=\(systemFile)") }
        if let systemDirectory { parts.append("SSL_CERT_DIR=\(systemDirectory)") }
        if parts.isEmpty { parts.append("the system trust store") }
        if let caFile { parts.append("--ca-file \(caFile)") }
        return parts.joined(separator: " + ")
    }

    /// Checks that every file named holds at least one PEM certificate, so a wrong path fails
    /// at start with its name rather than as an untrusted server later.
    public func validate() throws {
        if let caFile { _ = try Self.certificates(in: caFile, setting: "--ca-file") }
        if let systemFile { _ = try Self.certificates(in: systemFile, setting: "SSL_CERT_FILE") }
        if let systemDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: systemDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ChargEyeError.invalidConfiguration("SSL_CERT_DIR \(systemDirectory) is not a directory")
            }
        }
        guard caFile != nil || systemFile != nil || systemDirectory != nil else { return }
        do {
            _ = try NIOSSLContext(configuration: try tlsConfiguration())
        } catch let error as ChargEyeError {
            throw error
        } catch {
            throw ChargEyeError.invalidConfiguration("the TLS library cannot read the trust roots (\(summary)); check that each file is a PEM bundle and the directory holds hashed certificates")
        }
    }

    /// The TLS settings for the HTTP client.
    func tlsConfiguration() throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .fullVerification
        switch (systemFile, systemDirectory) {
        case (let file?, let directory?):
            // One of them can be the trust roots' path; the library reads extra roots only as
            // files of certificates, so the bundle goes in as its certificates.
            configuration.trustRoots = .file(directory)
            configuration.additionalTrustRoots.append(.certificates(try Self.certificates(in: file, setting: "SSL_CERT_FILE")))
        case (let file?, nil):
            configuration.trustRoots = .file(file)
        case (nil, let directory?):
            configuration.trustRoots = .file(directory)
        case (nil, nil):
            configuration.trustRoots = .default
        }
        if let caFile {
            configuration.additionalTrustRoots.append(.certificates(try Self.certificates(in: caFile, setting: "--ca-file")))
        }
        return configuration
    }

    private static func certificates(in path: String, setting: String) throws -> [NIOSSLCertificate] {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ChargEyeError.invalidConfiguration("\(setting) \(path): no such readable file")
        }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw ChargEyeError.invalidConfiguration("\(setting) \(path) is not a PEM certificate bundle (\"-----BEGIN CERTIFICATE-----\" blocks)")
        }
        guard !certificates.isEmpty else {
            throw ChargEyeError.invalidConfiguration("\(setting) \(path) holds no PEM certificate")
        }
        return certificates
    }
}
