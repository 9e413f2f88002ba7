/// Why a video could not be written; `description` is one line naming the file, the problem and
/// what to do about it.
public enum VideoWriterError: Error, CustomStringConvertible, Equatable, Sendable {
    /// No FFmpeg muxer writes files with this name's extension.
    case unknownContainer(path: String)
    /// The container's video codecs have no encoder in this FFmpeg.
    case noEncoder(path: String, container: String)
    /// An image container was named without a frame number pattern.
    case needsFramePattern(path: String)
    /// Something that is not a regular file (a folder, a device, a pipe) is already at `path`.
    case notARegularFile(path: String)
    /// The file could not be created or written.
    case cannotWrite(path: String, reason: String)
    /// FFmpeg failed at a step of setting up or running the encoder.
    case ffmpegFailed(path: String, operation: String, reason: String)

    /// One line: the file, what went wrong, and what the user can do.
    public var description: String {
        switch self {
        case .unknownContainer(let path):
            "cannot write \(path): FFmpeg knows no container for its extension; use .mp4, .mkv, .webm, .avi or an image pattern such as frames/%04d.png"
        case .noEncoder(let path, let container):
            "cannot write \(path): this FFmpeg has no encoder for the \(container) container's video codecs; use .mp4 or .mkv"
        case .needsFramePattern(let path):
            "cannot write \(path): images need a numbered pattern, one file per frame, such as frames/%04d.png"
        case .notARegularFile(let path):
            "cannot write \(path): something other than a regular file is there (a folder, device or pipe); choose another path"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason); check that the folder exists, is writable and has space"
        case .ffmpegFailed(let path, let operation, let reason):
            "cannot write \(path): FFmpeg could not \(operation) (\(reason))"
        }
    }
}
