/// The one-pass evaluation scores of a tracker on one sequence, or their mean over a dataset.
///
/// Every frame with a ground-truth box counts, the first included: the runner reports the
/// initial box there, so it scores as perfect (the OTB and pysot convention).
package struct SequenceMetrics: Codable, Hashable, Sendable {
    /// The number of frames scored (those with a ground-truth box); in a dataset's mean, the total.
    package let scorableFrameCount: Int
    /// Fraction of frames with IoU > t, for t = 0, 0.05, ..., 1 (21 points).
    package let success: Curve
    /// The mean of the 21 success points, OTB's "AUC"; at most 20/21 ≈ 0.952, since no frame has
    /// IoU > 1.
    package let successAUC: Double
    /// Fraction of frames with IoU > 0.5 (GOT-10k's SR0.5; the success curve's point at 0.5).
    package let successRateAtHalfOverlap: Double
    /// Fraction of frames with centre error <= t pixels, for t = 0, 1, ..., 50 (51 points).
    package let precision: Curve
    /// Fraction of frames with centre error <= 20 pixels, OTB's precision score.
    package let precisionAt20Pixels: Double
    /// Fraction of frames with normalized centre error <= t, for t = 0, 0.01, ..., 0.5 (51
    /// points); the error is `sqrt((dx / gt.w)^2 + (dy / gt.h)^2)`.
    package let normalizedPrecision: Curve
    /// The mean of the 51 normalized precision points: the area under the curve over [0, 0.5],
    /// which TrackingNet and the LaSOT toolkit rank by. (pysot and pytracking print the curve's
    /// point at 0.2 instead: `normalizedPrecision.rate(atThreshold: 0.2)`.)
    package let normalizedPrecisionAUC: Double

    /// The scores of the frames in `errors`, or nil when there is no frame to score.
    package init?(_ errors: FrameErrors) {
        guard errors.count > 0 else { return nil }
        self.init(
            scorableFrameCount: errors.count,
            success: .success(overlaps: errors.overlaps),
            precision: .precision(centerErrorsInPixels: errors.centerErrorsInPixels),
            normalizedPrecision: .normalizedPrecision(normalizedCenterErrors: errors.normalizedCenterErrors))
    }

    /// The mean over sequences, each weighing the same (as OTB averages): every curve and score
    /// is the mean of the sequences', and `scorableFrameCount` their total. Nil for no sequences.
    package init?(meanOf sequences: [SequenceMetrics]) {
        guard !sequences.isEmpty else { return nil }
        self.init(
            scorableFrameCount: sequences.reduce(0) { $0 + $1.scorableFrameCount },
            success: .mean(of: sequences.map(\.success)),
            precision: .mean(of: sequences.map(\.precision)),
            normalizedPrecision: .mean(of: sequences.map(\.normalizedPrecision)))
    }

    private init(scorableFrameCount: Int, success: Curve, precision: Curve, normalizedPrecision: Curve) {
        self.scorableFrameCount = scorableFrameCount
        self.success = success
        self.successAUC = success.areaUnderCurve
        self.successRateAtHalfOverlap = success.rate(atThreshold: 0.5) ?? 0
        self.precision = precision
        self.precisionAt20Pixels = precision.rate(atThreshold: 20) ?? 0
        self.normalizedPrecision = normalizedPrecision
        self.normalizedPrecisionAUC = normalizedPrecision.areaUnderCurve
    }
}
