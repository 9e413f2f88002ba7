import Foundation

/// A file or folder that could not be read or written, and why in plain words
/// ("no such file", "No space left on device"), never in an error domain's code.
public struct FileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What was being done.
    public enum Operation: String, Sendable {
        case read, write
    }

    /// Reading or writing.
    public let operation: Operation
    /// The path the user knows (not a hidden file written aside).
    public let path: String
    /// Why, e.g. "it is a folder, not a file" or `strerror`'s words.
    public let reason: String

    /// An error about `path`.
    public init(_ operation: Operation, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    /// "cannot read PATH: REASON" or "cannot write PATH: REASON".
    public var description: String { "cannot \(operation.rawValue) \(path): \(reason)" }

    /// The reason of the last failed system call.
    static func currentReason() -> String { String(cString: strerror(errno)) }
}
