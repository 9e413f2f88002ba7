import Evaluation
import Foundation

/// One line of `siamtrack eval --list-sequences`: what another program needs to run its own
/// tracker on a sequence exactly as eval would, without knowing the dataset layouts.
struct SequenceListing: Encodable {
    let name: String
    /// The video file, for our layout; nil for image frames.
    let video: String?
    /// The frame images in playback order; nil for a video.
    let images: [String]?
    /// The first ground-truth box, `[x, y, w, h]`.
    let initialBox: [Double]
    /// Frames to run: the ground truth's rows, or fewer with `--max-frames`.
    let frames: Int

    init(_ sequence: TrackingSequence, frameLimit: Int?) {
        name = sequence.name
        switch sequence.frames {
        case .video(let path): (video, images) = (path, nil)
        case .images(let paths): (video, images) = (nil, paths)
        }
        let box = sequence.initialBox
        initialBox = [box.x, box.y, box.width, box.height]
        frames = min(frameLimit ?? .max, sequence.groundTruth.count)
    }

    /// The listing as one JSON object on one line (sorted keys), newline included.
    var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }
}
