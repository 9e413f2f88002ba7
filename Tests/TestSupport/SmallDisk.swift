import Foundation

/// A tmpfs of a few KiB mounted for a test to fill, so that a write meets a full disk; unmounted
/// when dropped. Mounting needs root, as CI has.
public final class SmallDisk {
    /// The mount point, an empty folder.
    public let path: String

    /// Mounts a `kibibytes` KiB tmpfs on the folder `path`, creating it; nil when it cannot be mounted.
    public init?(at path: String, kibibytes: Int) {
        guard getuid() == 0, (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil,
            Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kibibytes)k", "tmpfs", path]) == 0
        else { return nil }
        self.path = path
    }

    deinit { Self.run("/bin/umount", [path]) }

    @discardableResult
    private static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
