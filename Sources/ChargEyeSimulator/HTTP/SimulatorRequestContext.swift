import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's basics plus the peer address, so the control
/// endpoint can refuse anyone but the local machine.
struct SimulatorRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// True for 127.0.0.0/8 and ::1 peers.
    var isLoopbackPeer: Bool {
        switch remoteAddress {
        case .v4(let address): address.host.hasPrefix("127.")
        case .v6(let address): address.host == "::1" || address.host.hasPrefix("::ffff:127.")
        default: false
        }
    }
}
