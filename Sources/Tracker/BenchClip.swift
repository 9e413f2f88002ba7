import Evaluation
import Foundation
import Geometry

/// The frames and the starting box that `siamtrack bench` measures on.
struct BenchClip {
    /// The bundled clip measured by default: the longest of `clips/`, with a distractor in view.
    static let bundledName = "distractor"

    /// The frames.
    let frames: FrameSource
    /// The target on the first frame.
    let box: Box

    /// `video` started from `box`; a sequence folder (any dataset layout) started from `box` or
    /// else its first ground-truth box; or, when `video` is nil, the bundled clip.
    static func resolve(video: String?, box: Box?) throws -> BenchClip {
        let path = try video ?? bundledClipDirectory()
        guard isDirectory(path) else {
            guard let box else { preconditionFailure("BenchCommand.validate() requires --box with a video file") }
            return BenchClip(frames: .video(path: path), box: box)
        }
        let sequences = try Dataset(contentsOf: path).sequences
        guard sequences.count == 1, let sequence = sequences.first else {
            throw BenchError.notOneSequence(directory: path, count: sequences.count)
        }
        return BenchClip(frames: sequence.frames, box: box ?? sequence.initialBox)
    }

    /// Whether `path` is a folder (a sequence) rather than a file (a video).
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// `clips/<bundledName>` in the nearest folder above the working directory or the executable
    /// (the repository root, when run from a checkout or its `.build`).
    private static func bundledClipDirectory() throws(BenchError) -> String {
        let starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath), Bundle.main.executableURL]
        for start in starts.compactMap({ $0?.resolvingSymlinksInPath() }) {
            var folder = start
            while true {
                let clip = folder.appendingPathComponent("clips").appendingPathComponent(bundledName)
                if FileManager.default.fileExists(atPath: clip.appendingPathComponent("groundtruth.txt").path) {
                    return clip.path
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw .noBundledClip(name: bundledName)
    }
}
