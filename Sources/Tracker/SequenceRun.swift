import Evaluation
import Geometry

/// What one one-pass run of the tracker over a sequence produced: a box and a time per frame.
struct SequenceRun: Sendable {
    /// The sequence's name.
    let name: String
    /// The predicted box on each frame run; frame 0's is the initial box.
    let boxes: [Box]
    /// The tracker's confidence on each frame run (1 on frame 0).
    let scores: [Double]
    /// Whether the tracker judged the target present on each frame run.
    let visible: [Bool]
    /// The ground truth of the frames run (the first `boxes.count` rows), nil where absent.
    let groundTruth: [Box?]
    /// Seconds the tracker spent on each frame, decoding excluded: initialisation on frame 0,
    /// `update` on every later one.
    let trackingSeconds: [Double]
    /// Seconds from opening the frames to the last box, decoding and colour conversion included.
    let endToEndSeconds: Double

    /// Frames per second of the tracker alone, initialisation included (as pysot counts).
    var trackingFramesPerSecond: Double {
        Double(boxes.count) / trackingSeconds.reduce(0, +)
    }

    /// Frames per second from the first decoded frame to the last box.
    var endToEndFramesPerSecond: Double {
        Double(boxes.count) / endToEndSeconds
    }

    /// The confidence and visibility of each frame.
    var presence: [FramePresence] { zip(scores, visible).map { FramePresence(confidence: $0, isVisible: $1) } }

    /// The run's scores and speeds.
    func result() throws(ScoringError) -> SequenceResult {
        try SequenceResult(
            name: name, predicted: boxes, groundTruth: groundTruth, presence: presence,
            trackingFramesPerSecond: trackingFramesPerSecond, endToEndFramesPerSecond: endToEndFramesPerSecond)
    }
}
