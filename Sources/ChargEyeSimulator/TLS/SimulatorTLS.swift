import HummingbirdCore
import HummingbirdTLS
import NIOSSL

/// HTTPS for the simulator: Hummingbird's HTTP/1.1 server behind TLS with a given certificate.
enum SimulatorTLS {
    /// The server that presents `certificate` (TLS 1.2 or later).
    static func server(serving certificate: PEMCertificate) throws -> HTTPServerBuilder {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificate.certificate.utf8)).map { NIOSSLCertificateSource.certificate($0) }
        let key = try NIOSSLPrivateKey(bytes: Array(certificate.privateKey.utf8), format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        return try .tls(.http1(), tlsConfiguration: configuration)
    }
}
