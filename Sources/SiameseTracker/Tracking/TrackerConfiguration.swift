import Foundation
import Geometry

/// SiamFC's hyper-parameters, named as in the paper and siamfc-pytorch, with their published defaults.
package struct TrackerConfiguration: Sendable, Equatable, Codable {
    /// Side of the exemplar crop in pixels (`exemplar_sz`).
    package var exemplarSize = 127
    /// Side of each search crop in pixels (`instance_sz`).
    package var searchSize = 255
    /// Context added around the target before cropping, as a fraction of `(w + h)` (`context`).
    package var contextAmount = 0.5
    /// Number of search scales per frame (`scale_num`); odd, so the middle one is no change.
    package var scaleCount = 3
    /// Ratio between neighbouring search scales (`scale_step`).
    package var scaleStep = 1.0375
    /// Factor applied to the peaks of the scales other than the middle one (`scale_penalty`).
    package var scalePenalty = 0.9745
    /// How far the size moves toward the winning scale each frame (`scale_lr`, damping).
    package var scaleDamping = 0.59
    /// Upsampling factor of the score map before its peak is taken (`response_up`).
    package var scoreMapUpsampling = 16
    /// Weight of the cosine (Hann) window against the normalised score map (`window_influence`).
    package var windowInfluence = 0.176
    /// Weight of the online correlation filter's response against the cross-correlation with the
    /// first frame's exemplar (0: plain SiamFC, 1: the filter alone).
    package var filterInfluence = 0.5
    /// Share of each new frame in the filter's running model.
    package var filterLearningRate = 0.01
    /// The filter's ridge regularisation λ, as a fraction of the first frame's mean spectral energy.
    package var filterRegularization = 0.01
    /// Standard deviation of the filter's Gaussian label, as a fraction of the target's size
    /// (the root of its area) in the embedding.
    package var filterLabelSigma = 0.25
    /// The filter learns from a frame only when the confidence reaches this.
    package var filterUpdateThreshold = 0.0
    /// Smallest allowed target size, as a multiple of the initial size.
    package var minimumScale = 0.2
    /// Largest allowed target size, as a multiple of the initial size.
    package var maximumScale = 5.0

    /// The paper's defaults.
    package init() {}

    /// Side in frame pixels of the square exemplar region around a target of `size`:
    /// `sqrt((w + c)(h + c))` with context `c = contextAmount * (w + h)`.
    package func exemplarSide(for size: Size) -> Double {
        let context = contextAmount * (size.width + size.height)
        return ((size.width + context) * (size.height + context)).squareRoot()
    }

    /// The search scales, e.g. `[1/1.0375, 1, 1.0375]` for three.
    package var scaleFactors: [Double] {
        let middle = Double(scaleCount - 1) / 2
        return (0..<scaleCount).map { Foundation.pow(scaleStep, Double($0) - middle) }
    }
}
