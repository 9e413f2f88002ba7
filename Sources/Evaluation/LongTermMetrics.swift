import Geometry

/// The long-term measures of VOT-LT (Lukežič et al., 2020) for a tracker that reports a
/// confidence per frame, and how well it says "absent": frames whose ground truth is missing are
/// frames where the target is out of view or hidden.
///
/// At each confidence threshold τ, tracking precision is the mean IoU over the frames where the
/// tracker's confidence reaches τ (0 where the target is absent), tracking recall the mean IoU
/// over the frames where the target is present, counting frames under τ as 0; the F-score is
/// their harmonic mean, taken at the τ that maximises it. The first frame (the given box) is not
/// counted. How fast a lost target is found again is the re-acquisition delay of each return: the
/// frames from the target's reappearance (a box after a frame without one) to the first frame
/// with IoU > 0.5.
package struct LongTermMetrics: Codable, Hashable, Sendable {
    /// The thresholds the curves are sampled at: 0, 0.01, ..., 1.
    package static let thresholds = (0...100).map { Double($0) / 100 }

    /// Tracking precision at each of `thresholds`.
    package let precision: [Double]
    /// Tracking recall at each of `thresholds`.
    package let recall: [Double]
    /// The largest F-score over the thresholds.
    package let fScore: Double
    /// The threshold where `fScore` is reached.
    package let bestThreshold: Double
    /// Frames with the target absent (no ground truth), and how many of them the tracker reported absent.
    package let absentFrames: Int, absentReportedAbsent: Int
    /// Frames with the target present, and how many of them the tracker reported present.
    package let presentFrames: Int, presentReportedPresent: Int
    /// For each return of the target, the frames until the tracker was on it again (IoU > 0.5),
    /// 0 when at once; nil when it never was.
    package let reacquisitionDelays: [Int?]

    /// The overlap that counts as being on the target again.
    package static let reacquiredOverlap = 0.5

    /// Measures `predicted` with `presence` against `groundTruth` (nil where the target is absent).
    package init(predicted: [Box], presence: [FramePresence], groundTruth: [Box?]) {
        precondition(predicted.count == groundTruth.count && presence.count == predicted.count, "one entry per frame")
        let frames = Array(1..<max(1, predicted.count))
        let overlaps = frames.map { i in groundTruth[i].map { predicted[i].isFinite ? predicted[i].intersectionOverUnion($0) : 0 } }
        let presentCount = overlaps.filter { $0 != nil }.count
        var precision: [Double] = [], recall: [Double] = []
        for threshold in Self.thresholds {
            var reported = 0, reportedOverlap = 0.0
            for (index, frame) in frames.enumerated() where presence[frame].confidence >= threshold {
                reported += 1
                reportedOverlap += overlaps[index] ?? 0
            }
            precision.append(reported > 0 ? reportedOverlap / Double(reported) : 0)
            recall.append(presentCount > 0 ? reportedOverlap / Double(presentCount) : 0)
        }
        self.init(precision: precision, recall: recall,
                  absentFrames: frames.count - presentCount,
                  absentReportedAbsent: zip(frames, overlaps).filter { $1 == nil && !presence[$0].isVisible }.count,
                  presentFrames: presentCount,
                  presentReportedPresent: zip(frames, overlaps).filter { $1 != nil && presence[$0].isVisible }.count,
                  reacquisitionDelays: Self.reacquisitionDelays(predicted: predicted, groundTruth: groundTruth))
    }

    /// The delay of each return of the target in `groundTruth` (see `reacquisitionDelays`).
    private static func reacquisitionDelays(predicted: [Box], groundTruth: [Box?]) -> [Int?] {
        let returns = groundTruth.indices.dropFirst().filter { groundTruth[$0 - 1] == nil && groundTruth[$0] != nil }
        return returns.map { start in
            (start..<groundTruth.count).first { frame in
                groundTruth[frame].map { predicted[frame].isFinite && predicted[frame].intersectionOverUnion($0) > reacquiredOverlap } ?? false
            }.map { $0 - start }
        }
    }

    /// The dataset's measures, as VOT-LT forms them: precision and recall averaged over the
    /// sequences at each threshold, then the F-score of the averages; frame counts summed.
    /// Nil for no sequences.
    package init?(meanOf sequences: [LongTermMetrics]) {
        guard !sequences.isEmpty else { return nil }
        let count = Double(sequences.count)
        func mean(_ curve: KeyPath<LongTermMetrics, [Double]>) -> [Double] {
            Self.thresholds.indices.map { i in sequences.reduce(0) { $0 + $1[keyPath: curve][i] } / count }
        }
        func sum(_ count: KeyPath<LongTermMetrics, Int>) -> Int { sequences.reduce(0) { $0 + $1[keyPath: count] } }
        self.init(precision: mean(\.precision), recall: mean(\.recall),
                  absentFrames: sum(\.absentFrames), absentReportedAbsent: sum(\.absentReportedAbsent),
                  presentFrames: sum(\.presentFrames), presentReportedPresent: sum(\.presentReportedPresent),
                  reacquisitionDelays: sequences.flatMap(\.reacquisitionDelays))
    }

    private init(
        precision: [Double], recall: [Double], absentFrames: Int, absentReportedAbsent: Int, presentFrames: Int, presentReportedPresent: Int,
        reacquisitionDelays: [Int?]
    ) {
        self.precision = precision
        self.recall = recall
        let scores = zip(precision, recall).map { p, r in p + r > 0 ? 2 * p * r / (p + r) : 0 }
        let best = scores.indices.max { scores[$0] < scores[$1] } ?? 0
        fScore = scores[best]
        bestThreshold = Self.thresholds[best]
        self.absentFrames = absentFrames
        self.absentReportedAbsent = absentReportedAbsent
        self.presentFrames = presentFrames
        self.presentReportedPresent = presentReportedPresent
        self.reacquisitionDelays = reacquisitionDelays
    }

    /// "re-acquired/returns median-delay", e.g. "3/4 @12"; "-" when the target never returns.
    package var reacquisitionSummary: String {
        guard !reacquisitionDelays.isEmpty else { return "-" }
        let found = reacquisitionDelays.compactMap { $0 }.sorted()
        let median = found.isEmpty ? "" : " @\(found[(found.count - 1) / 2])"
        return "\(found.count)/\(reacquisitionDelays.count)\(median)"
    }
}
