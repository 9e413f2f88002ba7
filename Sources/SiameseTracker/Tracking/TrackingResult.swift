import Geometry

/// Where the tracker believes the target is in one frame.
package struct TrackingResult: Sendable, Equatable {
    /// The target's box in frame pixels.
    package var box: Box
    /// Confidence in [0, 1]: the score map's peak relative to the exemplar's match with itself
    /// (1 when the search region holds the exemplar exactly, near 0 when nothing resembles it).
    package var score: Double

    /// Creates a result.
    package init(box: Box, score: Double) {
        self.box = box
        self.score = score
    }
}
