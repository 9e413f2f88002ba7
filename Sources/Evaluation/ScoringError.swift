/// Why a tracker's boxes could not be scored.
package enum ScoringError: Error, CustomStringConvertible, Equatable {
    /// The tracker gave a different number of boxes from the ground truth's rows.
    case frameCountMismatch(sequence: String, predicted: Int, groundTruth: Int)
    /// No frame of the sequence has a ground-truth box, so there is nothing to score.
    case noScorableFrames(sequence: String)
    /// A report was asked for with no sequence in it.
    case noSequences(tracker: String)

    /// One line naming the sequence and the problem.
    package var description: String {
        switch self {
        case .frameCountMismatch(let sequence, let predicted, let groundTruth):
            "sequence \(sequence): \(predicted) predicted boxes for \(groundTruth) ground-truth rows; they must match"
        case .noScorableFrames(let sequence):
            "sequence \(sequence): the target is absent on every frame, so there is nothing to score"
        case .noSequences(let tracker):
            "tracker \(tracker): no sequence to report on"
        }
    }
}
