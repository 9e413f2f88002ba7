import Foundation
import Geometry

/// Frame by frame, how a run went: overlap and centre error against the ground truth, and the
/// tracker's confidence, so that anyone can see where and why a sequence fails.
package struct FrameTrace: Hashable, Sendable {
    /// An overlap below this counts as having lost the target.
    package static let lostOverlap = 0.1

    /// One frame of the run.
    package struct Row: Hashable, Sendable {
        /// 0-based frame index.
        package var frame: Int
        /// Intersection over union with the ground truth; nil where the target is absent.
        package var overlap: Double?
        /// Distance between the centres in pixels; nil where the target is absent, infinite
        /// where the prediction is not a box.
        package var centerError: Double?
        /// The tracker's confidence.
        package var score: Double
    }

    /// One row per frame.
    package let rows: [Row]

    /// Compares `predicted[i]` with `groundTruth[i]` (nil where the target is absent) and pairs
    /// each frame with `scores[i]`.
    ///
    /// - Precondition: the three have one entry per frame.
    package init(predicted: [Box], groundTruth: [Box?], scores: [Double]) {
        precondition(predicted.count == groundTruth.count && scores.count == predicted.count, "one entry per frame")
        rows = predicted.indices.map { i in
            let box = predicted[i]
            guard let truth = groundTruth[i], truth.isFinite, !truth.isEmpty else {
                return Row(frame: i, overlap: nil, centerError: nil, score: scores[i])
            }
            let error = box.isFinite && !box.isEmpty ? box.centerDistance(to: truth) : .infinity
            return Row(frame: i, overlap: box.intersectionOverUnion(truth), centerError: error, score: scores[i])
        }
    }

    /// The first frame whose overlap falls below `lostOverlap`; nil when the target is never lost.
    package var firstLostFrame: Int? {
        rows.first { ($0.overlap ?? 1) < Self.lostOverlap }?.frame
    }

    /// `firstLostFrame` of `predicted` against `groundTruth`, without the scores.
    package static func firstLostFrame(predicted: [Box], groundTruth: [Box?]) -> Int? {
        FrameTrace(predicted: predicted, groundTruth: groundTruth, scores: [Double](repeating: 0, count: predicted.count)).firstLostFrame
    }

    /// CSV with a header line: `frame,iou,center_error,score`, `nan` where the target is absent.
    package var csv: String {
        func number(_ value: Double?, _ digits: Int) -> String {
            guard let value else { return "nan" }
            return value.isFinite ? String(format: "%.\(digits)f", value) : "inf"
        }
        return "frame,iou,center_error,score\n"
            + rows.map { "\($0.frame),\(number($0.overlap, 4)),\(number($0.centerError, 2)),\(number($0.score, 4))\n" }.joined()
    }
}
