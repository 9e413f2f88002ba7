import SafeFiles

/// Failures of the command-line layer itself.
enum CommandError: Error, CustomStringConvertible {
    /// The output file cannot be opened, and why.
    case cannotWrite(String, String)
    /// Writing to a file or standard output failed (a full disk, a closed pipe), and why.
    case writeFailed(String, String)
    case emptyVideo(String)
    /// The start frame or time lies past the video's last frame (which has this many frames).
    case startPastEnd(video: String, frames: Int)
    /// A `--boxes` file that cannot be used, and why.
    case badBoxesFile(String, String)
    /// The folder given with `option` cannot be made or used, and the error that says why.
    case unusableFolder(option: String, path: String, FileError)
    /// Target `index` cannot be tracked from its box, and why.
    case cannotStartTarget(Int, String)

    var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot open output file \(path): \(reason); check the folder exists and is writable"
        case .writeFailed(let name, let reason): "cannot write to \(name): \(reason); the lines written so far are complete"
        case .emptyVideo(let path): "\(path) contains no decodable video frames"
        case .startPastEnd(let path, let frames):
            "the start is past the end of \(path), which has \(frames) frames (0 to \(frames - 1)); choose an earlier --start-frame or --start-time"
        case .badBoxesFile(let path, let reason): "--boxes \(path): \(reason); give one x,y,w,h per line"
        case .cannotStartTarget(let index, let reason): "target \(index): \(reason)"
        case .unusableFolder(let option, let path, let error) where error.path == path: "cannot use \(option) \(path): \(error.reason)"
        case .unusableFolder(let option, let path, let error): "cannot use \(option) \(path): \(error.path): \(error.reason)"
        }
    }
}
