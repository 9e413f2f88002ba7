import SiameseTracker

/// Why `siamtrack bench` could not measure.
enum BenchError: Error, CustomStringConvertible {
    /// No VIDEO was given and the bundled clip is not beside the working directory or the executable.
    case noBundledClip(name: String)
    /// A folder given as VIDEO holds no sequence, or several.
    case notOneSequence(directory: String, count: Int)
    /// The clip has fewer than two frames, so no update can be timed.
    case tooFewFrames(path: String)
    /// The tracker refused the starting box.
    case cannotStart(TrackerError)

    var description: String {
        switch self {
        case .noBundledClip(let name):
            "cannot find the bundled clip clips/\(name) above the working directory or the siamtrack executable; "
                + "pass VIDEO --box x,y,w,h"
        case .notOneSequence(let directory, let count):
            "\(directory) holds \(count) sequences; bench measures one: pass one sequence folder or a video file"
        case .tooFewFrames(let path):
            "\(path) has fewer than 2 frames; bench needs frames after the first to time updates"
        case .cannotStart(let error):
            "cannot start tracking: \(error)"
        }
    }
}
