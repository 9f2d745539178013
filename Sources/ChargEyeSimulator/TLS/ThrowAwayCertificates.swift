import Crypto
public import Foundation
import SwiftASN1
import X509

/// A certificate and its private key, in PEM.
public struct PEMCertificate: Sendable {
    /// The certificate (`-----BEGIN CERTIFICATE-----`).
    public let certificate: String
    /// Its private key (`-----BEGIN PRIVATE KEY-----`).
    public let privateKey: String

    /// A certificate (chain) and key as read from PEM files.
    public init(certificate: String, privateKey: String) {
        self.certificate = certificate
        self.privateKey = privateKey
    }
}

/// A certificate authority made on the spot, for serving HTTPS from the simulator
/// (`chargeye simulator --tls`) and for the TLS tests: it issues server certificates for given
/// names, including the broken ones a client must refuse (expired, not yet valid, for another
/// name). Its keys live in memory only and sign nothing else.
public struct ThrowAwayAuthority: Sendable {
    private let key: Certificate.PrivateKey
    private let certificate: Certificate

    /// The authority's certificate in PEM: what a client trusts with `--ca-file`.
    public let certificatePEM: String

    /// A new authority named `name`, valid from an hour ago for 30 days.
    public init(name: String = "chargeye simulator throw-away CA", now: Date = Date()) throws {
        let signingKey = P256.Signing.PrivateKey()
        key = Certificate.PrivateKey(signingKey)
        let subject = try DistinguishedName { CommonName(name) }
        certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(signingKey.publicKey),
            notValidBefore: now - 3600, notValidAfter: now + 30 * 86_400,
            issuer: subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: key
        )
        certificatePEM = try certificate.serializeAsPEM().pemString
    }

    /// A server certificate for `names` (host names and IP addresses), signed by this authority.
    public func issue(
        for names: [String], validFrom: Date = Date() - 3600, until: Date = Date() + 30 * 86_400
    ) throws -> PEMCertificate {
        try Self.serverCertificate(for: names, validFrom: validFrom, until: until, issuer: certificate.subject, issuerKey: key)
    }

    /// A server certificate for `names` that signs itself (no authority behind it).
    public static func selfSigned(for names: [String], now: Date = Date()) throws -> PEMCertificate {
        try serverCertificate(for: names, validFrom: now - 3600, until: now + 30 * 86_400, issuer: nil, issuerKey: nil)
    }

    private static func serverCertificate(
        for names: [String], validFrom: Date, until: Date, issuer: DistinguishedName?, issuerKey: Certificate.PrivateKey?
    ) throws -> PEMCertificate {
        let key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName { CommonName(names.first ?? "localhost") }
        let alternativeNames = names.map { name -> GeneralName in
            if let address = IPAddressBytes(name) { return .ipAddress(ASN1OctetString(contentBytes: ArraySlice(address.bytes))) }
            return .dnsName(name)
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: validFrom, notValidAfter: until,
            issuer: issuer ?? subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(alternativeNames)
            },
            issuerPrivateKey: issuerKey ?? .init(key)
        )
        return PEMCertificate(certificate: try certificate.serializeAsPEM().pemString, privateKey: key.pemRepresentation)
    }
}

/// The bytes of an IPv4 or IPv6 address written as text, or nil for a host name.
private struct IPAddressBytes {
    let bytes: [UInt8]

    init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: v6) { Array($0) }
        } else {
            return nil
        }
    }
}
