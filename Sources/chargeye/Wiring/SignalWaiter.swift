import Dispatch
import Foundation
import Synchronization

/// Suspends until SIGINT, SIGTERM or SIGHUP arrives, so a server can stop cleanly.
enum SignalWaiter {
    static func waitForTermination() async {
        let latch = Latch()
        let sources = [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { latch.open() }
            source.resume()
            return source
        }
        await latch.wait()
        sources.forEach { $0.cancel() }
    }
}
