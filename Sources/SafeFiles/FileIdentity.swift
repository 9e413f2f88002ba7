import Foundation

/// What makes two paths name the same file: the device and inode of something that exists (so
/// symbolic and hard links and spellings like `a/../b` meet), else the path resolved through
/// its nearest existing folder.
public struct FileIdentity: Hashable, Sendable {
    private enum Key: Hashable {
        case inode(device: UInt64, inode: UInt64)
        case path(String)
    }

    private let key: Key

    /// The identity of `path`, or nil for what writing never replaces: a terminal or other
    /// device (`/dev/null`, `/dev/stdout`), a pipe or a socket.
    public init?(path: String) {
        var status = stat()
        if stat(path, &status) == 0 {
            let type = status.st_mode & S_IFMT
            guard type == S_IFREG || type == S_IFDIR else { return nil }
            key = .inode(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        } else {
            key = .path(Self.resolved(path))
        }
    }

    /// `path` made absolute with its existing folders' links resolved, the rest appended as given.
    private static func resolved(_ path: String) -> String {
        var head = URL(fileURLWithPath: path).standardizedFileURL
        var tail: [String] = []
        while head.path != "/" {
            if let real = realpath(head.path, nil) {
                defer { free(real) }
                return tail.reversed().reduce(URL(fileURLWithPath: String(cString: real))) { $0.appendingPathComponent($1) }.path
            }
            tail.append(head.lastPathComponent)
            head.deleteLastPathComponent()
        }
        return "/" + tail.reversed().joined(separator: "/")
    }
}
