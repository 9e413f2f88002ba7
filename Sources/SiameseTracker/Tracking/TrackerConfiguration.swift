import Foundation
import Geometry

/// Everything a tracker can be told: SiamFC's hyper-parameters, named as in the paper and
/// siamfc-pytorch with their published defaults, the online correlation filter's settings, and
/// the threads the network may use.
public struct TrackerConfiguration: Sendable, Equatable, Codable {
    /// Threads for the network's matrix products (oneDNN on OpenMP). OpenMP's thread count is
    /// process-wide: starting a tracker sets it for every tracker in the process. The same count
    /// gives the same boxes run to run.
    public var threads = 1
    /// The largest `threads` accepted.
    public static let maximumThreads = 256
    /// The number format of the embedding network: by default the fastest this CPU computes as
    /// accurately as float32 (`NetworkPrecision.automatic`: bfloat16 with AMX, int8 with AVX2 or
    /// AVX512-VNNI, float32 elsewhere).
    public var precision = NetworkPrecision.automatic

    /// Side of the exemplar crop in pixels (`exemplar_sz`).
    public var exemplarSize = 127
    /// Side of each search crop in pixels (`instance_sz`).
    public var searchSize = 255
    /// Context added around the target before cropping, as a fraction of `(w + h)` (`context`).
    public var contextAmount = 0.5
    /// Number of search scales per frame (`scale_num`); odd, so the middle one is no change.
    public var scaleCount = 3
    /// Ratio between neighbouring search scales (`scale_step`).
    public var scaleStep = 1.0375
    /// Factor applied to the peaks of the scales other than the middle one (`scale_penalty`).
    public var scalePenalty = 0.9745
    /// How far the size moves toward the winning scale each frame (`scale_lr`, damping).
    public var scaleDamping = 0.59
    /// Upsampling factor of the score map before its peak is taken (`response_up`).
    public var scoreMapUpsampling = 16
    /// Weight of the cosine (Hann) window against the normalised score map (`window_influence`).
    public var windowInfluence = 0.176
    /// Weight of the online correlation filter's response against the cross-correlation with the
    /// first frame's exemplar (0: off, 1: the filter alone). Off by default: on dev it adds
    /// 0.024 AUC to plain SiamFC but nothing on top of the colour model (MODEL.md).
    public var filterInfluence = 0.0
    /// Share of each new frame in the filter's running model.
    public var filterLearningRate = 0.02
    /// The filter's ridge regularisation λ, as a fraction of the first frame's mean spectral energy.
    public var filterRegularization = 0.01
    /// Standard deviation of the filter's Gaussian label, as a fraction of the target's size
    /// (the root of its area) in the embedding.
    public var filterLabelSigma = 0.25
    /// Weight of the online colour model's response (Staple's colour histograms) against the
    /// others (0: off; 0.3 is Staple's merge factor and measured best on dev).
    public var colourInfluence = 0.3
    /// Share of each new frame in the colour model's histograms.
    public var colourLearningRate = 0.04
    /// Confidence under which the target is judged absent (hidden, out of view or lost), whatever
    /// its usual confidence: the results then carry the box where it was last seen and nothing
    /// learns. The online models never learn from a frame under it. 0 turns the judgement off.
    /// Calibrated on shared/datasets/train (MODEL.md).
    public var absentBelow = 0.1
    /// Share of the usual confidence (its running mean over the frames where the target was judged
    /// present) under which the target is judged absent too: targets that match their exemplar
    /// well lose it at higher confidences than targets that match it poorly. 0 leaves `absentBelow`
    /// alone. Calibrated on long-term clips made from shared/datasets/train (MODEL.md).
    public var absentBelowUsual = 0.5
    /// Weight of each new frame in the usual confidence.
    public var usualConfidenceAveraging = 0.05
    /// Share of the recent confidence (its running mean, `confidenceAveraging`) under which a
    /// frame's confidence is a sudden drop: the usual confidence stops learning until a frame
    /// reaches the present level again (`presentAboveUsual`). A target that leaves or is covered
    /// leaves a match that, learnt from, would lower the usual level under it. 0 turns the hold
    /// off. Measured on long-term clips made from shared/datasets (MODEL.md).
    public var usualHeldBelow = 0.6
    /// Frames in a row under the absence level (`absentBelow`, `absentBelowUsual`) before the
    /// target is judged absent (a dip of fewer frames is tracked through).
    public var absentAfterFrames = 5
    /// Confidence a match must reach to become the target: a target judged absent is then found
    /// again, near where the search is or by the whole-frame search, and a doubtful one
    /// (`widerSearchBelow`) moves to a candidate found elsewhere.
    public var presentAbove = 0.6
    /// Share of the usual confidence that is enough to find a target judged absent again near
    /// where the search is, when that is under `presentAbove` (0: `presentAbove` alone). Frames
    /// over the absence level, `absentAfterFrames` in a row, bring it back too. Candidates from
    /// the whole-frame search still need `presentAbove`: lowered there they catch look-alikes
    /// (MODEL.md).
    public var presentAboveUsual = 0.6
    /// Whether to search the whole frame, a few tiles per frame, while the target is judged absent
    /// or in doubt.
    public var redetects = true
    /// Match with the exemplar over which something away from the target's box is remembered as
    /// a look-alike (`DistractorMemory`): the first frame is swept whole, and a few more tiles
    /// every `lookAlikeSweepPeriod` frames while the target is tracked. The whole-frame search
    /// passes over candidates that resemble a remembered look-alike more than the exemplar, and a
    /// target judged absent is not found again on one. 0 turns the sweeps off
    /// (`lookAlikeFramesAfterLoss` still remembers what it finds).
    public var lookAlikeAbove = 0.5
    /// Frames between steps of the sweep for look-alikes while the target is tracked (each step
    /// embeds as many tiles as there are scales, with the first network only).
    public var lookAlikeSweepPeriod = 10
    /// Frames after the target is judged absent during which what the whole-frame search finds is
    /// remembered as a look-alike instead of taken for the target (a target that has just gone is
    /// seldom back at once elsewhere; near where it was, the nearby search still finds it).
    public var lookAlikeFramesAfterLoss = 25
    /// Running mean of the confidence under which the target, still judged present and followed
    /// near its box, is in doubt: the online models stop learning and the whole frame is searched
    /// as while it is absent; a candidate that reaches `presentAbove` and beats the match near the
    /// box by `switchMargin` takes over. This finds targets that come back away from where they
    /// left, which the absence judgement misses when the background matches at 0.1 to 0.3. 0 turns
    /// it off.
    public var widerSearchBelow = 0.3
    /// Weight of each new frame in the running mean of the confidence (`widerSearchBelow`).
    public var confidenceAveraging = 0.2
    /// How much more than the match near the box a candidate elsewhere must score to take over
    /// from a target in doubt.
    public var switchMargin = 0.1
    /// Share of the usual confidence enough for a candidate from the whole-frame search to take
    /// over from a target in doubt whose return is unconfirmed (`confirmedAboveUsual`), where that
    /// is under `presentAbove` (0: `presentAbove` alone). A target that matches its exemplar
    /// poorly (a skier at 0.4 to 0.6) is otherwise never found again once the search came back on
    /// background; while the return is confirmed the level stays `presentAbove`, as lowered for
    /// every target in doubt it takes look-alikes (MODEL.md).
    public var takeoverAboveUsual = 0.9
    /// Share of the usual confidence a target found again after being judged absent must reach,
    /// in some frame, for its return to be confirmed (`takeoverAboveUsual`).
    public var confirmedAboveUsual = 0.8
    /// Smallest allowed target size, as a multiple of the initial size.
    public var minimumScale = 0.2
    /// Largest allowed target size, as a multiple of the initial size.
    public var maximumScale = 5.0

    /// The paper's defaults.
    public init() {}

    /// Side in frame pixels of the square exemplar region around a target of `size`:
    /// `sqrt((w + c)(h + c))` with context `c = contextAmount * (w + h)`.
    public func exemplarSide(for size: Size) -> Double {
        let context = contextAmount * (size.width + size.height)
        return ((size.width + context) * (size.height + context)).squareRoot()
    }

    /// The search scales, e.g. `[1/1.0375, 1, 1.0375]` for three.
    public var scaleFactors: [Double] {
        let middle = Double(scaleCount - 1) / 2
        return (0..<scaleCount).map { Foundation.pow(scaleStep, Double($0) - middle) }
    }
}
