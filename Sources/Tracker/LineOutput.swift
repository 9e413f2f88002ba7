import Foundation
import SafeFiles

/// Where lines go: stdout or a file, each line written through at once so a reader never sees
/// half a line. A failed write (a full disk, a closed pipe) throws, and a regular file is cut
/// back to its last complete line, so what it holds stays one complete line per record.
///
/// A file path is opened the way a shell's `>` opens it: a regular file is created or
/// truncated, a symbolic link is followed, a FIFO or device is written to; nothing is ever
/// replaced by renaming.
final class LineOutput: @unchecked Sendable {
    private let descriptor: Int32
    /// The file's path or "standard output", for messages.
    private let name: String
    /// Where the last complete line ends, when the output is a regular file (nil otherwise).
    private var completeOffset: off_t?

    /// Standard output.
    static let standardOutput = LineOutput(descriptor: STDOUT_FILENO, name: "standard output")

    private init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
            let offset = lseek(descriptor, 0, SEEK_CUR)
            completeOffset = offset >= 0 ? offset : nil
        }
    }

    /// Opens `path` for writing, creating or truncating a regular file.
    convenience init(path: String) throws(CommandError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path, String(cString: strerror(errno))) }
        self.init(descriptor: descriptor, name: path)
    }

    deinit {
        if descriptor != STDOUT_FILENO { close(descriptor) }
    }

    /// Writes one complete line (or block of lines).
    ///
    /// - Throws: `CommandError.writeFailed` when the system refuses the bytes.
    func write(_ line: String) throws(CommandError) {
        if let reason = FileDescriptorWriting.write(line, to: descriptor) {
            if let completeOffset { _ = ftruncate(descriptor, completeOffset) }
            throw .writeFailed(name, reason)
        }
        completeOffset = completeOffset.map { $0 + off_t(line.utf8.count) }
    }
}
