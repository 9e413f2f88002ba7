import SiameseTracker

/// Why the tracker could not be run over a sequence.
enum SequenceRunError: Error, CustomStringConvertible {
    /// The video ended after `frames` frames, before the ground truth's `rows` rows.
    case fewerFramesThanGroundTruth(sequence: String, video: String, frames: Int, rows: Int)
    /// The video goes on past the ground truth's `rows` rows.
    case moreFramesThanGroundTruth(sequence: String, video: String, rows: Int, groundTruthPath: String)
    /// The tracker refused the sequence's first box.
    case cannotStart(sequence: String, TrackerError)

    var description: String {
        switch self {
        case .fewerFramesThanGroundTruth(let sequence, let video, let frames, let rows):
            "sequence \(sequence): \(video) has \(frames) frames but its ground truth has \(rows) rows; they must match"
        case .moreFramesThanGroundTruth(let sequence, let video, let rows, let groundTruthPath):
            "sequence \(sequence): \(video) has more frames than the \(rows) rows of \(groundTruthPath); "
                + "they must match (or pass --max-frames to score a prefix)"
        case .cannotStart(let sequence, let error):
            "sequence \(sequence): cannot start tracking: \(error)"
        }
    }
}
