import Foundation

/// Creating output folders with messages in the user's words.
public enum FolderCreation {
    /// Creates `path` and any missing parents, like `mkdir -p`.
    ///
    /// - Throws: `FileError` naming the part of the path that is in the way ("is a file,
    ///   not a folder") or the system's reason.
    public static func create(_ path: String) throws(FileError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw FileError(.write, path: path, reason: "it is a file, not a folder") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try create(parent) }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
            throw FileError(.write, path: path, reason: "cannot create the folder: \(FileError.currentReason())")
        }
    }
}
