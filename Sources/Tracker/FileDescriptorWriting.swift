import Foundation

/// Writing whole texts to file descriptors with the system call, so that a full disk or a closed
/// pipe is an error code, never a trap (Foundation's `FileHandle.write` traps on them).
enum FileDescriptorWriting {
    /// Writes all of `text` to `descriptor`, retrying after interruptions and partial writes.
    ///
    /// - Returns: nil when every byte was written, else why not.
    static func write(_ text: String, to descriptor: Int32) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var written = 0
            while written < bytes.count {
                let count = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return count < 0 ? String(cString: strerror(errno)) : "nothing was written" }
                written += count
            }
            return nil
        }
    }

    /// Writes `text` to stderr as far as stderr takes it: messages and progress are lost on a
    /// closed or full stderr, and the program goes on.
    static func writeToStandardError(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }
}
