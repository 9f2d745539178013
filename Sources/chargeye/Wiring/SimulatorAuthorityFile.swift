import ChargEyeSimulator
import Foundation

/// `chargeye simulator --tls`: a throw-away certificate authority, its PEM file for clients'
/// `--ca-file` (in a new 0700 directory, removed at exit), and the server certificate it issued.
struct SimulatorAuthorityFile {
    /// The authority's certificate file.
    let path: String
    /// The certificate the simulator presents.
    let serverCertificate: PEMCertificate

    /// A new authority and a certificate for `names`, the authority written to a private file.
    static func make(names: [String]) throws -> SimulatorAuthorityFile {
        let authority = try ThrowAwayAuthority()
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        let serverCertificate = try authority.issue(for: unique)
        var template = Array((NSTemporaryDirectory() + "/chargeye-simulator-XXXXXX").utf8CString)
        guard let directory = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) }) else {
            throw UsageError("cannot make a directory for the simulator's CA file in \(NSTemporaryDirectory())")
        }
        let path = directory + "/ca.pem"
        guard FileManager.default.createFile(atPath: path, contents: Data(authority.certificatePEM.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw UsageError("cannot write the simulator's CA file \(path)")
        }
        return SimulatorAuthorityFile(path: path, serverCertificate: serverCertificate)
    }

    /// A certificate and key given as files (`--tls-cert`, `--tls-key`).
    static func read(certificate: String, key: String) throws -> PEMCertificate {
        func text(_ path: String, _ option: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw UsageError("\(option) \(path): no such readable file")
            }
            return text
        }
        return PEMCertificate(certificate: try text(certificate, "--tls-cert"), privateKey: try text(key, "--tls-key"))
    }

    /// Removes the CA file and its directory.
    func remove() {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}
