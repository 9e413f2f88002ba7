import Foundation

/// Keeps two batch runs from writing one folder at once, for as long as the value lives.
///
/// An unsharded run holds `.siamtrack-batch/lock` alone; a shard shares that lock with the other
/// shards and holds `.siamtrack-batch/lock-I-of-N` alone, so shards run side by side but never
/// beside an unsharded run or a second copy of themselves. The locks are `flock`s, which the
/// system drops when the process ends however it ends; each lock file records its holder's
/// process id for the message.
final class BatchLock {
    private var descriptors: [Int32] = []
    /// Why the folder could not be locked where its file system has no locks (some network
    /// shares): the run goes on unguarded, and the caller says so.
    private(set) var unlockedReason: String?

    /// Takes the locks, or refuses at once.
    ///
    /// - Throws: `BatchError.folderInUse` naming the folder and the process holding it.
    init(folder: BatchFolder, shard: BatchShard?) throws(BatchError) {
        let folderLock = (folder.recordFolder as NSString).appendingPathComponent("lock")
        do throws(BatchError) {
            guard let shard else {
                try take(folderLock, exclusive: true, folder: folder)
                return
            }
            try take(folderLock, exclusive: false, folder: folder)
            let shardLock = (folder.recordFolder as NSString).appendingPathComponent("lock-\(shard.index)-of-\(shard.count)")
            try take(shardLock, exclusive: true, folder: folder)
        } catch {
            release()
            throw error
        }
    }

    deinit { release() }

    private func release() {
        for descriptor in descriptors { close(descriptor) }
        descriptors = []
    }

    private func take(_ path: String, exclusive: Bool, folder: BatchFolder) throws(BatchError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .folderUnusable(folder: folder.path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 else {
            let failure = errno
            guard failure == EWOULDBLOCK else {
                unlockedReason = String(cString: strerror(failure))
                close(descriptor)
                return
            }
            let holder = Self.holder(descriptor)
            close(descriptor)
            throw .folderInUse(folder: folder.path, holder: holder)
        }
        descriptors.append(descriptor)
        if exclusive {
            let text = "\(getpid())\n"
            _ = ftruncate(descriptor, 0)
            _ = pwrite(descriptor, text, text.utf8.count, 0)
        }
    }

    /// The process id recorded in a lock file, if that process still runs.
    private static func holder(_ descriptor: Int32) -> pid_t? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &bytes, bytes.count, 0)
        guard count > 0, let pid = pid_t(String(decoding: bytes[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
            pid > 0, kill(pid, 0) == 0 || errno == EPERM
        else { return nil }
        return pid
    }
}
