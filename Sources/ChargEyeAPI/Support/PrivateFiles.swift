public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files only their owner may read: directories 0700 and files 0600, set explicitly whatever
/// the umask. Used for the token cache and the support hand-off.
public enum PrivateFiles {
    /// Why a private file could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let code: Int32
        public var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
    }

    /// Creates `directory` (and its parents) and makes it 0700.
    public static func makeDirectory(_ directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard chmod(directory.path, 0o700) == 0 else { throw WriteError(path: directory.path, code: errno) }
    }

    /// Writes `data` to `path` as a 0600 file, replacing it atomically (through a temporary
    /// file and a rename) so a reader never sees half a file.
    public static func writeAtomically(_ data: Data, to path: String) throws {
        let temporary = path + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(path: temporary, code: errno) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw WriteError(path: temporary, code: errno) }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count, rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw WriteError(path: path, code: code)
        }
    }
}
