import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import X509

/// Why a server's certificate was refused. The TLS library says only "verification failed",
/// and the fix differs by cause, so after such a failure chargeye connects once more, reads
/// the certificate chain the server presents, ends the handshake as failed (nothing is ever
/// sent over that connection) and looks at the chain: expired or not yet valid, self-signed,
/// or from an authority not trusted here.
enum CertificateProbe {
    typealias Problem = ChargEyeError.TransportFailure.TLSProblem

    /// The likely cause, with a few words of evidence ("expired 2026-11-01, CN=api.example").
    /// Through a proxy no second connection is made: the cause there is nearly always a proxy
    /// that inspects TLS with its own authority.
    static func diagnose(
        host: String, port: Int, trust: TLSTrust, proxy: ProxyRoute?, timeout: TimeInterval, now: Date = Date()
    ) async -> (Problem, String) {
        if let proxy {
            return (.unknownAuthority, "through the proxy \(proxy); a proxy that inspects TLS presents certificates from its own authority")
        }
        guard let chain = try? await presentedChain(host: host, port: port, trust: trust, timeout: timeout), !chain.isEmpty else {
            return (.unknownAuthority, "")
        }
        return classify(chain, now: now)
    }

    /// The cause, from the chain as presented (leaf first): the leaf's own dates, then a leaf
    /// that signs itself, then the dates of the rest (an extra certificate a server sends
    /// along, such as an old cross-sign, may be out of date without being the reason), else
    /// an authority not trusted here.
    static func classify(_ chain: [Certificate], now: Date) -> (Problem, String) {
        let leaf = chain[0]
        if let dated = outOfDate(leaf, now: now) { return dated }
        if chain.count == 1, leaf.issuer == leaf.subject { return (.selfSigned, "\(leaf.subject)") }
        if let dated = chain.dropFirst().lazy.compactMap({ outOfDate($0, now: now) }).first { return dated }
        return (.unknownAuthority, "issued by \(chain.last?.issuer.description ?? leaf.issuer.description)")
    }

    private static func outOfDate(_ certificate: Certificate, now: Date) -> (Problem, String)? {
        let day = Date.ISO8601FormatStyle().year().month().day()
        if now > certificate.notValidAfter {
            return (.expired, "expired \(certificate.notValidAfter.formatted(day)): \(certificate.subject)")
        }
        if now < certificate.notValidBefore {
            return (.notYetValid, "valid from \(certificate.notValidBefore.formatted(day)): \(certificate.subject)")
        }
        return nil
    }

    /// Connects, takes the chain the server presents in the handshake, and fails the handshake;
    /// at most a few seconds, and at once when the task is cancelled (the call's own deadline).
    private static func presentedChain(host: String, port: Int, trust: TLSTrust, timeout: TimeInterval) async throws -> [Certificate] {
        let context = try NIOSSLContext(configuration: try trust.tlsConfiguration())
        let captured = Locked<[NIOSSLCertificate]>([])
        let limit = TimeAmount.milliseconds(Int64(min(timeout, 5) * 1000))
        let serverName = (try? SocketAddress(ipAddress: host, port: port)) == nil ? host : nil
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(limit)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = try NIOSSLClientHandler(
                        context: context, serverHostname: serverName,
                        customVerificationCallback: { certificates, verdict in
                            captured.withLock { $0 = certificates }
                            verdict.succeed(.failed)
                        }
                    )
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
        let opened = Locked<(any Channel)?>(nil)
        return try await withTaskCancellationHandler {
            let channel = try await bootstrap.connect(host: host, port: port).get()
            opened.withLock { $0 = channel }
            if Task.isCancelled { channel.close(promise: nil) }
            // The failed handshake closes the channel; a server that never answers is cut short.
            let cutoff = channel.eventLoop.scheduleTask(in: limit) { channel.close(promise: nil) }
            try? await channel.closeFuture.get()
            cutoff.cancel()
            return captured.withLock { $0 }.compactMap { try? Certificate(derEncoded: $0.toDERBytes()) }
        } onCancel: {
            opened.withLock { $0 }?.close(promise: nil)
        }
    }
}
