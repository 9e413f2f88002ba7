/// What a tracker said about the target's presence in one frame: a confidence, and whether it
/// reported the target as there (a tracker that says "lost" reports false).
package struct FramePresence: Codable, Hashable, Sendable {
    /// The tracker's confidence, higher meaning surer the target is there.
    package let confidence: Double
    /// Whether the tracker reported the target as present.
    package let isVisible: Bool

    /// Creates a frame's presence report.
    package init(confidence: Double, isVisible: Bool) {
        self.confidence = confidence
        self.isVisible = isVisible
    }
}
