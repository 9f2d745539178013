import Foundation
public import Logging
import Synchronization

/// A swift-log handler that appends lines to a file (created 0600), redacting anything that
/// looks like a JWT and any registered secret before it is written.
public struct FileLogHandler: LogHandler {
    /// Handler-level metadata.
    public var metadata: Logger.Metadata = [:]
    /// The lowest level written.
    public var logLevel: Logger.Level
    private let label: String
    private let sink: Sink

    /// Opens (or creates, mode 0600) `path` for appending.
    public static func open(path: String) throws -> Sink {
        let descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        return Sink(handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true))
    }

    /// Creates a handler writing to `sink`.
    public init(label: String, sink: Sink, level: Logger.Level) {
        self.label = label
        self.sink = sink
        self.logLevel = level
    }

    /// Handler-level metadata by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line.
    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let time = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
        let text = "\(time) \(event.level) \(label): \(event.message)\(fields.isEmpty ? "" : " " + fields)"
        sink.write(SecretRedactor.shared.redact(text) + "\n")
    }

    /// A shared, thread-safe file writer.
    public final class Sink: Sendable {
        private let handle: Mutex<FileHandle>

        init(handle: FileHandle) {
            self.handle = Mutex(handle)
        }

        func write(_ line: String) {
            handle.withLock { $0.write(Data(line.utf8)) }
        }
    }
}

extension FileLogHandler.Sink {
    /// A sink writing to standard error (for `--verbose` without `--log-file` in
    /// non-interactive commands).
    public static func standardError() -> FileLogHandler.Sink {
        FileLogHandler.Sink(handle: FileHandle.standardError)
    }
}
