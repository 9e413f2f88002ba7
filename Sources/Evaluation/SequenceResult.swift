import Geometry

/// A tracker's scores and speed on one sequence.
package struct SequenceResult: Codable, Hashable, Sendable {
    /// The sequence's name.
    package let name: String
    /// The number of frames tracked, with or without a ground-truth box.
    package let frameCount: Int
    /// The scores.
    package let metrics: SequenceMetrics
    /// The first frame where the overlap fell below `FrameTrace.lostOverlap`; nil if never.
    package let firstLostFrame: Int?
    /// Frames per second of tracking alone (the tracker's update calls), if measured.
    package var trackingFramesPerSecond: Double?
    /// Frames per second from decoding to writing the result, if measured.
    package var endToEndFramesPerSecond: Double?
    /// The long-term measures, when the tracker reported its confidence per frame.
    package let longTerm: LongTermMetrics?

    /// Scores `predicted` (one box per frame) against `groundTruth` (nil where the target is
    /// absent), and `presence` (one per frame) when given; fails when the counts differ or no
    /// frame has a ground-truth box.
    package init(
        name: String, predicted: [Box], groundTruth: [Box?], presence: [FramePresence]? = nil,
        trackingFramesPerSecond: Double? = nil, endToEndFramesPerSecond: Double? = nil
    ) throws(ScoringError) {
        guard predicted.count == groundTruth.count else {
            throw .frameCountMismatch(sequence: name, predicted: predicted.count, groundTruth: groundTruth.count)
        }
        if let presence, presence.count != predicted.count {
            throw .frameCountMismatch(sequence: name, predicted: presence.count, groundTruth: groundTruth.count)
        }
        longTerm = presence.map { LongTermMetrics(predicted: predicted, presence: $0, groundTruth: groundTruth) }
        guard let metrics = SequenceMetrics(FrameErrors(predicted: predicted, groundTruth: groundTruth)) else {
            throw .noScorableFrames(sequence: name)
        }
        self.name = name
        self.frameCount = predicted.count
        firstLostFrame = FrameTrace.firstLostFrame(predicted: predicted, groundTruth: groundTruth)
        self.metrics = metrics
        self.trackingFramesPerSecond = trackingFramesPerSecond
        self.endToEndFramesPerSecond = endToEndFramesPerSecond
    }

    /// Scores `predicted` against `sequence`'s ground truth.
    package init(
        sequence: TrackingSequence, predicted: [Box],
        trackingFramesPerSecond: Double? = nil, endToEndFramesPerSecond: Double? = nil
    ) throws(ScoringError) {
        try self.init(
            name: sequence.name, predicted: predicted, groundTruth: sequence.groundTruth,
            trackingFramesPerSecond: trackingFramesPerSecond, endToEndFramesPerSecond: endToEndFramesPerSecond)
    }
}
