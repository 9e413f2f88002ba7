import Evaluation
import VideoIO

/// What `eval` checks of every sequence before it tracks any: that its video opens and holds as
/// many frames as its ground truth has rows (image sequences are counted when they are read).
enum SequenceCheck {
    /// Why `sequence` cannot be run, or nil when it can; `frameLimit` as `--max-frames`.
    static func problem(with sequence: TrackingSequence, frameLimit: Int?) -> String? {
        guard case .video(let path) = sequence.frames else { return nil }
        let info: VideoInfo
        do {
            info = try VideoInfo(path: path)
        } catch {
            return "sequence \(sequence.name): \(error)"
        }
        // An estimate from the duration is not exact enough to refuse a sequence on.
        guard let frames = info.frameCount, info.frameCountSource != .estimated else { return nil }
        let rows = sequence.groundTruth.count
        if frames < min(rows, frameLimit ?? rows) {
            return SequenceRunError.fewerFramesThanGroundTruth(sequence: sequence.name, video: path, frames: frames, rows: rows).description
        }
        if frameLimit == nil, frames > rows {
            return SequenceRunError.moreFramesThanGroundTruth(
                sequence: sequence.name, video: path, rows: rows, groundTruthPath: sequence.groundTruthPath
            ).description
        }
        return nil
    }
}
