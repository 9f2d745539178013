import ChargEyeText
import ChargEyeAPI
import Foundation
import Synchronization

/// The only place the view-model layer touches the outside world: runs effects as tasks tagged
/// with their request (`RequestTag`) and posts their outcomes, errors included, back as
/// messages. `quit` and `suspend` are process control, left to the run loop.
public final class EffectRunner: Sendable {
    private let service: any BrowserService
    private let inbox: Inbox
    private let clipboard: @Sendable (String) -> Void
    /// Calls in flight, so they can be cancelled.
    private let tasks = Mutex<[RequestID: Task<Void, Never>]>([:])

    /// `clipboard` puts text on the user's clipboard; it is called on the thread that runs the
    /// effect (the run loop's, which owns the terminal).
    public init(service: any BrowserService, inbox: Inbox, clipboard: @escaping @Sendable (String) -> Void) {
        self.service = service
        self.inbox = inbox
        self.clipboard = clipboard
    }

    /// Runs one effect.
    public func run(_ effect: Effect) {
        switch effect {
        case .load(let id, let request):
            track(id) { [service, inbox] in
                do {
                    let response = request == .fleet
                        ? .fleet(try await service.readFleet { inbox.post(.fleetProgress(id, $0)) })
                        : try await service.perform(request) { inbox.post(.loadedPart(id, $0)) }
                    inbox.post(.loaded(id, .success(response)))
                } catch is CancellationError where Task.isCancelled {
                    // Cancelled on purpose: the state already moved on.
                } catch {
                    inbox.post(.loaded(id, .failure(Self.describe(error, request: request.line))))
                }
            }
        case .cancel(let id):
            tasks.withLock { $0.removeValue(forKey: id) }?.cancel()
        case .consoleGet(let id, let path):
            track(id) { [service, inbox] in
                do {
                    inbox.post(.consoleAnswered(id, .success(try await service.get(path: path))))
                } catch is CancellationError where Task.isCancelled {
                    // Closed or superseded: nobody waits for it.
                } catch {
                    inbox.post(.consoleAnswered(id, .failure(Self.describe(error, request: "GET \(path)"))))
                }
            }
        case .loadUsage(let id, let scope, let period):
            track(id) { [service, inbox] in
                do {
                    try await service.usageHistory(scope, period: period, onStations: { inbox.post(.usageStations(id, $0, $1)) }) {
                        inbox.post(.usagePage(id, $0))
                    }
                    inbox.post(.usageEnded(id, nil))
                } catch is CancellationError where Task.isCancelled {
                    // Stopped or closed: what came stays.
                } catch {
                    inbox.post(.usageEnded(id, Self.describe(error, request: "GET /stations")))
                }
            }
        case .refreshToken(let id):
            track(id) { [service, inbox] in
                try? await service.refreshToken()
                inbox.post(.tokenRenewed(id))
            }
        case .watchToken:
            Task.detached { [service, inbox] in
                for await state in await service.tokenUpdates() { inbox.post(.tokenChanged(state)) }
            }
        case .keepTokenFresh:
            Task.detached { [service] in await service.keepTokenFresh() }
        case .setFaults(let on):
            Task.detached { [service, inbox] in
                do {
                    try await service.setFaults(on: on)
                    inbox.post(.faultsSwitched(on: on))
                } catch {
                    inbox.post(.faultsSwitched(on: !on))
                    inbox.post(.warning(nil, "could not switch fault injection: \(ChargEyeError.plainWords(for: error))"))
                }
            }
        case .writeHandoff(let text):
            Task.detached { [service, inbox] in
                do {
                    let path = try await service.writeHandoff(text)
                    inbox.post(.handoffWritten(path: path, text: text))
                } catch {
                    inbox.post(.warning(nil, "could not write the hand-off: \(ChargEyeError.plainWords(for: error))"))
                }
            }
        case .copyToClipboard(let text):
            clipboard(text)
            inbox.post(.copied(text))
        case .log(let text):
            service.log(text)
        case .quit, .suspend:
            break
        }
    }

    /// Starts `work` tagged with `id`, kept until it ends so it can be cancelled.
    private func track(_ id: RequestID, _ work: @escaping @Sendable () async -> Void) {
        tasks.withLock { tasks in
            tasks[id] = Task.detached { [self] in
                await RequestTag.$current.withValue(id) { await work() }
                _ = self.tasks.withLock { $0.removeValue(forKey: id) }
            }
        }
    }

    /// The number of calls in flight (for tests).
    var callsInFlight: Int { tasks.withLock { $0.count } }

    private static func describe(_ error: any Error, request: String) -> ChargEyeError {
        if let error = error as? ChargEyeError { return error }
        let parts = request.split(separator: " ", maxSplits: 1).map(String.init)
        return .transport(.init(
            request: .init(method: parts.first ?? "GET", path: parts.last ?? "/"), host: "the server",
            kind: .other, detail: TextSanitizer.singleLine(ChargEyeError.plainWords(for: error), limit: 200)
        ))
    }
}
