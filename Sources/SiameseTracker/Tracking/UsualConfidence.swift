/// How well the target usually matches its exemplar: the running mean of the confidence over the
/// frames where it was judged present. Targets differ in how well they match (a runner who keeps
/// changing pose scores 0.4 where a car scores 0.8), so the absence judgement compares each frame
/// with this level as well as with fixed thresholds (`TrackerConfiguration.absentBelowUsual`).
struct UsualConfidence {
    /// The running mean; nil before the first frame after the start.
    private(set) var level: Double?

    /// Confidence under which a frame is doubtful: `absentBelow`, or the share `absentBelowUsual`
    /// of the usual level where that is higher.
    func absentLevel(_ configuration: TrackerConfiguration) -> Double {
        guard let level else { return configuration.absentBelow }
        return max(configuration.absentBelow, configuration.absentBelowUsual * level)
    }

    /// Confidence a match needs to be the target again: `presentAbove`, or the share
    /// `presentAboveUsual` of the usual level where that is lower, and never under `absentLevel`.
    func presentLevel(_ configuration: TrackerConfiguration) -> Double {
        guard let level, configuration.presentAboveUsual > 0 else { return configuration.presentAbove }
        return max(min(configuration.presentAbove, configuration.presentAboveUsual * level), absentLevel(configuration))
    }

    /// Takes in the confidence of a frame where the target was judged present and not in doubt.
    mutating func learn(_ confidence: Double, rate: Double) {
        guard confidence.isFinite else { return }
        level = level.map { $0 + rate * (confidence - $0) } ?? confidence
    }
}
