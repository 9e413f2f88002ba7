import Foundation

/// A file written aside: created under a hidden name beside its destination,
/// `.NAME.PID.RANDOM.partial`, and renamed onto the destination only when complete, so the
/// destination holds either what it held before or the whole new file, never half of it.
///
/// Until it is committed or discarded the hidden file is listed in a process-wide table that
/// `removeLiveFiles()` empties from a signal handler; the process id in the name lets a later
/// run tell a file left by a killed process from one a live process is still writing.
public final class PartialFile: @unchecked Sendable {
    /// The hidden file to write.
    public let path: String
    /// Where `commit()` moves it.
    public let destination: String
    private let slot: LiveFiles.Slot?
    private var isSettled = false

    /// Names a new hidden file beside `destination`; nothing is created yet.
    public init(beside destination: String) {
        self.destination = destination
        let url = URL(fileURLWithPath: destination)
        let name = ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).partial"
        path = url.deletingLastPathComponent().appendingPathComponent(name).path
        slot = LiveFiles.register(path)
    }

    /// Removes the hidden file unless it was committed.
    deinit { discard() }

    /// Flushes the written file to the disk and renames it onto the destination.
    ///
    /// - Throws: `FileError` when either fails; the hidden file is then removed.
    public func commit() throws(FileError) {
        precondition(!isSettled, "the partial file is already settled")
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        let synced = descriptor >= 0 && fsync(descriptor) == 0
        let reason = synced ? nil : FileError.currentReason()
        if descriptor >= 0 { close(descriptor) }
        if let reason {
            discard()
            throw FileError(.write, path: destination, reason: reason)
        }
        guard rename(path, destination) == 0 else {
            let reason = FileError.currentReason()
            discard()
            throw FileError(.write, path: destination, reason: reason)
        }
        settle()
    }

    /// Removes the hidden file; the destination keeps what it held.
    public func discard() {
        guard !isSettled else { return }
        unlink(path)
        settle()
    }

    private func settle() {
        isSettled = true
        slot.map(LiveFiles.unregister)
    }

    /// Writes `data` to `destination` aside: to a hidden file, flushed, then renamed.
    ///
    /// - Throws: `FileError` naming `destination` and the system's reason.
    public static func write(_ data: Data, to destination: String) throws(FileError) {
        let file = PartialFile(beside: destination)
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError(.write, path: destination, reason: FileError.currentReason()) }
        let failure = data.withUnsafeBytes { FileDescriptorWriting.write($0, to: descriptor) }
        close(descriptor)
        if let failure { throw FileError(.write, path: destination, reason: failure) }
        try file.commit()
    }

    /// Removes the partial files beside `destination` whose process is gone (killed, or its
    /// machine restarted), leaving those of live processes alone.
    ///
    /// - Returns: the files removed.
    @discardableResult
    public static func removeStale(beside destination: String) -> [String] {
        let url = URL(fileURLWithPath: destination)
        return removeStale(in: url.deletingLastPathComponent().path, for: [url.lastPathComponent])
    }

    /// Removes the partial files in `folder` of the destinations named `names` whose process is
    /// gone, with one listing of the folder (a batch's folder may hold many thousand outputs).
    /// Only the caller's own names: another machine's process writing beside them cannot be
    /// asked whether it runs.
    ///
    /// - Returns: the files removed.
    @discardableResult
    public static func removeStale(in folder: String, for names: Set<String>) -> [String] {
        guard let entries = try? FileContents.names(inFolder: folder) else { return [] }
        var removed: [String] = []
        for entry in entries where entry.hasPrefix(".") && entry.hasSuffix(".partial") {
            // .NAME.PID.RANDOM.partial
            let fields = entry.dropFirst().dropLast(".partial".count).split(separator: ".", omittingEmptySubsequences: false)
            guard fields.count >= 3, let pid = pid_t(fields[fields.count - 2]), UInt32(fields[fields.count - 1]) != nil,
                names.contains(fields.dropLast(2).joined(separator: ".")), !isRunning(pid)
            else { continue }
            let stale = (folder as NSString).appendingPathComponent(entry)
            if unlink(stale) == 0 { removed.append(stale) }
        }
        return removed
    }

    /// Removes every hidden file of this process that is not settled. Safe to call from a
    /// signal handler: it only reads a fixed table and calls `unlink`.
    public static func removeLiveFiles() { LiveFiles.removeAll() }

    /// Whether a process with this id exists (one of another user counts as running).
    private static func isRunning(_ pid: pid_t) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }
}
