import Foundation

/// A file that could not be written, and the system's reason in plain words
/// ("No space left on device").
public struct FileWriteError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file the user asked for (not the hidden one written aside).
    public let path: String
    /// Why, as `strerror` says it.
    public let reason: String

    /// An error about `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// "cannot write PATH: REASON".
    public var description: String { "cannot write \(path): \(reason)" }

    /// The reason of the last failed system call.
    static func currentReason() -> String { String(cString: strerror(errno)) }
}
