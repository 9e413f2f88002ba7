import Foundation

/// Writing whole byte runs to file descriptors with the system call, so that a full disk or a
/// closed pipe is an error code, never a trap (Foundation's `FileHandle.write` traps on them).
public enum FileDescriptorWriting {
    /// Writes all of `bytes` to `descriptor`, retrying after interruptions and partial writes.
    ///
    /// - Returns: nil when every byte was written, else why not.
    public static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return count < 0 ? String(cString: strerror(errno)) : "nothing was written" }
            written += count
        }
        return nil
    }

    /// Writes all of `text` to `descriptor`, as `write(_:to:)` does its bytes.
    public static func write(_ text: String, to descriptor: Int32) -> String? {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    /// Writes `text` to stderr as far as stderr takes it: messages and progress are lost on a
    /// closed or full stderr, and the program goes on.
    public static func writeToStandardError(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }
}
