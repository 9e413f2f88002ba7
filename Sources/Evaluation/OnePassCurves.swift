/// The curves of one-pass evaluation (OPE), with the thresholds of the OTB, LaSOT and
/// TrackingNet toolkits. Thresholds are computed as `i / n`, not by repeated addition, so that
/// `0.15` is the double nearest 0.15.
extension Curve {
    /// Overlap (IoU) thresholds 0, 0.05, ..., 1.0: 21 points.
    package static let overlapThresholds: [Double] = (0...20).map { Double($0) / 20 }
    /// Centre error thresholds 0, 1, ..., 50 pixels: 51 points.
    package static let centerErrorThresholdsInPixels: [Double] = (0...50).map { Double($0) }
    /// Normalized centre error thresholds 0, 0.01, ..., 0.5: 51 points.
    package static let normalizedCenterErrorThresholds: [Double] = (0...50).map { Double($0) / 100 }

    /// The success curve: at each overlap threshold, the fraction of frames whose IoU is
    /// strictly greater than it.
    ///
    /// Strictly greater, as in OTB: no frame passes at threshold 1.0, so perfect tracking scores
    /// 20/21 ≈ 0.952 on the last point's account, never 1.
    package static func success(overlaps: [Double]) -> Curve {
        Curve(thresholds: overlapThresholds, values: overlaps, passes: { $0 > $1 })
    }

    /// The precision curve: at each threshold, the fraction of frames whose centre error is at
    /// most that many pixels.
    package static func precision(centerErrorsInPixels: [Double]) -> Curve {
        Curve(thresholds: centerErrorThresholdsInPixels, values: centerErrorsInPixels, passes: { $0 <= $1 })
    }

    /// The normalized precision curve: at each threshold, the fraction of frames whose
    /// normalized centre error (`FrameErrors.normalizedCenterErrors`) is at most it.
    package static func normalizedPrecision(normalizedCenterErrors: [Double]) -> Curve {
        Curve(thresholds: normalizedCenterErrorThresholds, values: normalizedCenterErrors, passes: { $0 <= $1 })
    }
}
