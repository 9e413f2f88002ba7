/// Why a batch cannot start or did not finish cleanly.
enum BatchError: Error, CustomStringConvertible {
    /// The manifest cannot be used: its line (0 for the whole file) and why.
    case badManifest(path: String, line: Int, reason: String)
    /// Some entries failed; their errors are in the summary.
    case entriesFailed(failed: Int, of: Int, summary: String)
    /// Another batch run (this process id, when known) is writing the folder or this shard of it.
    case folderInUse(folder: String, holder: Int32?)
    /// The folder's lock cannot be made, and why.
    case folderUnusable(folder: String, reason: String)

    var description: String {
        switch self {
        case .badManifest(let path, 0, let reason): "manifest \(path): \(reason)"
        case .badManifest(let path, let line, let reason): "manifest \(path) line \(line): \(reason)"
        case .entriesFailed(let failed, let total, let summary):
            "\(failed) of \(total) entries failed; their errors are in \(summary)"
        case .folderInUse(let folder, let holder):
            "another siamtrack batch\(holder.map { " (process \($0))" } ?? "") is writing to \(folder); wait for it to finish, or give another --out-dir"
        case .folderUnusable(let folder, let reason): "cannot lock \(folder) for this batch: \(reason)"
        }
    }
}
