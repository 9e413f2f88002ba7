import Foundation

/// Messages and progress on stderr, written with the system call: a closed or full stderr
/// loses the text but never stops the program.
enum StandardError {
    /// Writes `text` as far as stderr takes it.
    static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            bytes = bytes.dropFirst(count)
        }
    }
}
