import Geometry

/// How far a tracker's boxes are from the ground truth, on each frame that has a ground-truth box.
///
/// Frames whose ground truth is nil, not finite or empty (the target is absent) are skipped, as
/// the LaSOT toolkit does; they count neither for nor against the tracker. A predicted box that is
/// empty or not finite (the tracker lost the target) has overlap 0 and infinite centre errors.
package struct FrameErrors: Hashable, Sendable {
    /// Intersection over union with the ground truth, in [0, 1].
    package let overlaps: [Double]
    /// Distance between the predicted and ground-truth centres, in pixels.
    package let centerErrorsInPixels: [Double]
    /// Centre error with its x part divided by the ground-truth width and its y part by the
    /// ground-truth height: `sqrt((dx / w)^2 + (dy / h)^2)`, as in TrackingNet and LaSOT.
    package let normalizedCenterErrors: [Double]

    /// Compares `predicted[i]` with `groundTruth[i]` on every frame that has a ground-truth box.
    ///
    /// - Precondition: one predicted box per ground-truth row.
    package init(predicted: [Box], groundTruth: [Box?]) {
        precondition(predicted.count == groundTruth.count, "one predicted box per ground-truth row")
        var overlaps: [Double] = [], centerErrors: [Double] = [], normalizedErrors: [Double] = []
        for (box, truth) in zip(predicted, groundTruth) {
            guard let truth, truth.isFinite, !truth.isEmpty else { continue }
            overlaps.append(box.intersectionOverUnion(truth))
            guard box.isFinite, !box.isEmpty else {
                centerErrors.append(.infinity)
                normalizedErrors.append(.infinity)
                continue
            }
            centerErrors.append(box.centerDistance(to: truth))
            let dx = (box.center.x - truth.center.x) / truth.width
            let dy = (box.center.y - truth.center.y) / truth.height
            normalizedErrors.append((dx * dx + dy * dy).squareRoot())
        }
        self.overlaps = overlaps
        self.centerErrorsInPixels = centerErrors
        self.normalizedCenterErrors = normalizedErrors
    }

    /// The number of frames scored: those with a ground-truth box.
    package var count: Int { overlaps.count }
}
