import Evaluation
import Geometry
import SiameseTracker
import VideoIO

/// Runs SiamFC over one annotated sequence the one-pass way: start from the first frame's
/// ground-truth box, update on every later frame, never re-initialise.
struct SequenceRunner: Sendable {
    /// The embedding network (or an ensemble), loaded once and shared by every sequence.
    let networks: [EmbeddingNetwork]
    /// The tracker's hyper-parameters.
    var configuration = TrackerConfiguration()
    /// Threads for decoding a video file (0: FFmpeg's choice by the cores).
    var decodingThreads = 1
    /// Run only this many frames from the start of each sequence; nil for all of them.
    var frameLimit: Int?

    /// Tracks the target through `sequence` and times it.
    ///
    /// - Throws: `SequenceRunError` when the video's frame count differs from the ground truth's
    ///   rows or the first box is unusable, and `VideoError` when a frame cannot be read.
    func run(_ sequence: TrackingSequence) throws -> SequenceRun {
        let groundTruth = Array(sequence.groundTruth.prefix(frameLimit ?? sequence.groundTruth.count))
        let opened = ContinuousClock.now
        let reader = FramePrefetcher(try sequence.frames.openReader(decodingThreads: decodingThreads, frameLimit: groundTruth.count))
        guard let first = try reader.nextFrame() else { throw tooFewFrames(0, in: sequence) }
        let started = ContinuousClock.now
        var tracker: SiamFCTracker
        do {
            tracker = try SiamFCTracker(networks: networks, configuration: configuration, frame: first.image, box: sequence.initialBox)
        } catch {
            throw SequenceRunError.cannotStart(sequence: sequence.name, error)
        }
        var trackingSeconds = [started.secondsElapsed]
        var boxes = [sequence.initialBox], scores = [1.0], visible = [true]
        trackingSeconds.reserveCapacity(groundTruth.count)
        boxes.reserveCapacity(groundTruth.count)
        while boxes.count < groundTruth.count {
            guard let frame = try reader.nextFrame() else { throw tooFewFrames(boxes.count, in: sequence) }
            let updating = ContinuousClock.now
            let result = tracker.update(frame: frame.image)
            boxes.append(result.box)
            scores.append(result.score)
            visible.append(result.isVisible)
            trackingSeconds.append(updating.secondsElapsed)
        }
        let endToEndSeconds = opened.secondsElapsed
        // With --max-frames the rest of the video is not the question.
        if frameLimit == nil, try reader.nextFrame() != nil {
            throw SequenceRunError.moreFramesThanGroundTruth(
                sequence: sequence.name, video: sequence.frames.displayPath, rows: groundTruth.count,
                groundTruthPath: sequence.groundTruthPath)
        }
        return SequenceRun(
            name: sequence.name, boxes: boxes, scores: scores, visible: visible, groundTruth: groundTruth,
            trackingSeconds: trackingSeconds, endToEndSeconds: endToEndSeconds)
    }

    private func tooFewFrames(_ frames: Int, in sequence: TrackingSequence) -> SequenceRunError {
        .fewerFramesThanGroundTruth(
            sequence: sequence.name, video: sequence.frames.displayPath, frames: frames, rows: sequence.groundTruth.count)
    }
}
