/// How well the target usually matches its exemplar: the running mean of the confidence over the
/// frames where it was judged present. Targets differ in how well they match (a runner who keeps
/// changing pose scores 0.4 where a car scores 0.8), so the absence judgement compares each frame
/// with this level as well as with fixed thresholds (`TrackerConfiguration.absentBelowUsual`).
///
/// A sudden drop of the confidence holds the level where it was (`TrackerConfiguration.usualHeldBelow`):
/// a target that leaves or is covered often leaves a match just over half its usual level, and
/// learning from it would lower the level until that match passes for the target.
struct UsualConfidence {
    /// The running mean; nil before the first frame after the start.
    private(set) var level: Double?
    /// Whether the level is held after a sudden drop, until the confidence is back at the present level.
    private(set) var isHeld = false
    /// Whether the target, if it was ever judged absent, has since matched at the share
    /// `confirmedAboveUsual` of the level: a return short of that may be on something else.
    private(set) var isReturnConfirmed = true

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

    /// Confidence a candidate from the whole-frame search needs to take over from a target in
    /// doubt: `presentAbove`, or while the return is unconfirmed the share `takeoverAboveUsual` of
    /// the usual level where that is lower.
    func takeoverLevel(_ configuration: TrackerConfiguration) -> Double {
        guard !isReturnConfirmed, let level, configuration.takeoverAboveUsual > 0 else { return configuration.presentAbove }
        return min(configuration.presentAbove, configuration.takeoverAboveUsual * level)
    }

    /// Notes a frame where the target was judged absent: its next return is unconfirmed.
    mutating func noteAbsent() { isReturnConfirmed = false }

    /// Notes the confidence of a frame where the target was judged present: a return is
    /// confirmed by a match of the share `confirmedAboveUsual` of the usual level.
    mutating func notePresent(_ confidence: Double, configuration: TrackerConfiguration) {
        guard let level, confidence >= configuration.confirmedAboveUsual * level else { return }
        isReturnConfirmed = true
    }

    /// Watches each frame's confidence for a sudden drop: under the share `usualHeldBelow` of
    /// `recentMean` (the running mean of the last frames' confidences) the level is held, and it is
    /// released by a confidence at or over the present level (`presentLevel`).
    mutating func watch(_ confidence: Double, recentMean: Double, configuration: TrackerConfiguration) {
        guard level != nil else { return }
        if confidence < configuration.usualHeldBelow * recentMean { isHeld = true }
        if confidence >= presentLevel(configuration) { isHeld = false }
    }

    /// Takes in the confidence of a frame where the target was judged present and not in doubt,
    /// unless the level is held.
    mutating func learn(_ confidence: Double, rate: Double) {
        guard confidence.isFinite, !isHeld else { return }
        level = level.map { $0 + rate * (confidence - $0) } ?? confidence
    }
}
