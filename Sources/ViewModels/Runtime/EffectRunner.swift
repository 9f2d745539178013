import ChargEyeAPI
import Foundation
import Synchronization

/// The only place the view-model layer touches the API: runs effects as detached tasks and
/// posts their outcomes, errors included, back as messages.
public final class EffectRunner: Sendable {
    private let service: any BrowserService
    private let inbox: Inbox
    /// API calls in flight, so they can be cancelled.
    private let loads = Mutex<[RequestID: Task<Void, Never>]>([:])

    public init(service: any BrowserService, inbox: Inbox) {
        self.service = service
        self.inbox = inbox
    }

    /// Starts the background work of a session: token state updates and auto-renewal.
    public func startBackground() {
        Task.detached { [service, inbox] in
            for await state in await service.tokenUpdates() { inbox.post(.tokenChanged(state)) }
        }
        Task.detached { [service] in await service.keepTokenFresh() }
    }

    /// Runs one effect. `quit`, `copyToClipboard` and `relayout` belong to the terminal and are
    /// ignored here.
    public func run(_ effect: Effect) {
        switch effect {
        case .load(let id, let request):
            loads.withLock { loads in
                loads[id] = Task.detached { [service, inbox, self] in
                    do {
                        let response = try await service.perform(request) { inbox.post(.loadedPart(id, $0)) }
                        inbox.post(.loaded(id, .success(response)))
                    } catch is CancellationError {
                        // Cancelled on purpose: the state already moved on.
                    } catch {
                        inbox.post(.loaded(id, .failure(Self.describe(error, request: request.line))))
                    }
                    self.loads.withLock { _ = $0.removeValue(forKey: id) }
                }
            }
        case .cancel(let id):
            loads.withLock { $0.removeValue(forKey: id) }?.cancel()
        case .consoleGet(let id, let path):
            Task.detached { [service, inbox] in
                do {
                    inbox.post(.consoleAnswered(id, .success(try await service.get(path: path))))
                } catch {
                    inbox.post(.consoleAnswered(id, .failure(Self.describe(error, request: "GET \(path)"))))
                }
            }
        case .refreshToken:
            Task.detached { [service] in try? await service.refreshToken() }
        case .setFaults(let on):
            Task.detached { [service, inbox] in
                do {
                    try await service.setFaults(on: on)
                    inbox.post(.faultsSwitched(on: on))
                } catch {
                    inbox.post(.faultsSwitched(on: !on))
                }
            }
        case .writeHandoff(let text):
            Task.detached { [service, inbox] in
                do {
                    let path = try await service.writeHandoff(text)
                    inbox.post(.handoffWritten(path: path, text: text))
                } catch {
                    inbox.post(.warning("could not write the hand-off: \(ChargEyeError.plainWords(for: error))"))
                }
            }
        case .log(let text):
            service.log(text)
        case .quit, .copyToClipboard, .relayout:
            break
        }
    }

    private static func describe(_ error: any Error, request: String) -> ChargEyeError {
        if let error = error as? ChargEyeError { return error }
        let parts = request.split(separator: " ", maxSplits: 1).map(String.init)
        return .transport(.init(
            request: .init(method: parts.first ?? "GET", path: parts.last ?? "/"), host: "the server",
            kind: .other, detail: TextSanitizer.singleLine(ChargEyeError.plainWords(for: error), limit: 200)
        ))
    }
}
