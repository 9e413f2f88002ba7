import Foundation
import Geometry

/// One annotated sequence of a benchmark: its frames and the target's box on each.
///
/// Named `TrackingSequence` rather than `Sequence` so that it does not hide Swift's protocol.
package struct TrackingSequence: Hashable, Sendable {
    /// The sequence's name, used for its results file (`NAME.txt`).
    package let name: String
    /// The layout the sequence was read from.
    package let layout: DatasetLayout
    /// Where the frames come from.
    package let frames: FrameSource
    /// The ground-truth box on each frame, nil where the target is absent.
    ///
    /// For `.images` there is exactly one per image; a `.video`'s frame count is only known once
    /// it is decoded, so whoever decodes it must check it against `groundTruth.count`.
    package let groundTruth: [Box?]
    /// The ground-truth file, for messages about it.
    package let groundTruthPath: String
    /// The box on the first frame, where tracking starts.
    package let initialBox: Box

    /// Creates a sequence; fails when `groundTruth` is empty or its first box is absent.
    package init(
        name: String, layout: DatasetLayout, frames: FrameSource, groundTruth: [Box?],
        groundTruthPath: String
    ) throws(DatasetError) {
        guard let first = groundTruth.first else { throw .emptyGroundTruth(path: groundTruthPath) }
        guard let initialBox = first else { throw .targetAbsentOnFirstFrame(path: groundTruthPath) }
        if case .images(let paths) = frames, paths.count != groundTruth.count {
            let directory = ((paths.first ?? groundTruthPath) as NSString).deletingLastPathComponent
            throw .frameCountMismatch(
                groundTruthPath: groundTruthPath, rows: groundTruth.count,
                framesDirectory: directory, images: paths.count)
        }
        self.name = name
        self.layout = layout
        self.frames = frames
        self.groundTruth = groundTruth
        self.groundTruthPath = groundTruthPath
        self.initialBox = initialBox
    }
}
