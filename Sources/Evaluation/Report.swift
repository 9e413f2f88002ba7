/// A tracker's one-pass evaluation on a dataset: every sequence's result and their mean.
package struct Report: Codable, Hashable, Sendable {
    /// The tracker's name, as shown in plot legends.
    package let tracker: String
    /// The result on each sequence.
    package let sequences: [SequenceResult]
    /// The mean over sequences, each weighing the same (see `SequenceMetrics.init(meanOf:)`).
    package let mean: SequenceMetrics
    /// The median over sequences of their tracking-only frames per second; nil if none measured.
    package let trackingFramesPerSecond: Double?
    /// The median over sequences of their end-to-end frames per second; nil if none measured.
    package let endToEndFramesPerSecond: Double?
    /// The long-term measures over the sequences that have them; nil if none has.
    package let longTerm: LongTermMetrics?

    /// Gathers `sequences` into a report; fails when there are none.
    ///
    /// Speeds are medians, not means, so that one short clip's warm-up does not dominate.
    package init(tracker: String, sequences: [SequenceResult]) throws(ScoringError) {
        guard let mean = SequenceMetrics(meanOf: sequences.map(\.metrics)) else {
            throw .noSequences(tracker: tracker)
        }
        self.tracker = tracker
        self.sequences = sequences
        self.mean = mean
        self.trackingFramesPerSecond = sequences.compactMap(\.trackingFramesPerSecond).median
        self.endToEndFramesPerSecond = sequences.compactMap(\.endToEndFramesPerSecond).median
        longTerm = LongTermMetrics(meanOf: sequences.compactMap(\.longTerm))
    }
}
