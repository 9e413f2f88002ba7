import Geometry

/// Where the tracker believes the target is in one frame.
public struct TrackingResult: Sendable, Equatable {
    /// The target's box in frame pixels.
    public var box: Box
    /// Confidence in [0, 1]: the score map's peak relative to the exemplar's match with itself
    /// (1 when the search region holds the exemplar exactly, near 0 when nothing resembles it).
    public var score: Double
    /// Whether the target is judged present: false once the score stays under the absence level
    /// (`TrackerConfiguration.absentBelow`, or half the target's usual score) for a few frames
    /// (hidden, out of view or lost), when `box` is the last box where it was seen.
    public var isVisible: Bool

    /// Creates a result.
    public init(box: Box, score: Double, isVisible: Bool = true) {
        self.box = box
        self.score = score
        self.isVisible = isVisible
    }
}
