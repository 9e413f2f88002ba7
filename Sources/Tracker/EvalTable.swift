import Evaluation
import Foundation

/// The text table `siamtrack eval` prints: one row per sequence, then the mean, as toolkits do.
struct EvalTable {
    /// Width of the first column, wide enough for every sequence name.
    let nameWidth: Int

    /// A table whose first column fits `names`.
    init(names: [String]) {
        nameWidth = max(names.map(\.count).max() ?? 0, "sequence".count, "tracker".count)
    }

    /// The column titles.
    var header: String {
        name("sequence") + column("frames", 7) + scoreTitles + column("track fps", 10) + column("e2e fps", 9) + column("lost at", 8)
            + column("F", 6) + column("absent", 9) + column("re-acq", 9)
    }

    /// A line under the rows, before the mean.
    var rule: String { String(repeating: "-", count: header.count) }

    /// One sequence's row.
    func row(_ result: SequenceResult) -> String {
        name(result.name) + column("\(result.frameCount)", 7) + scores(result.metrics)
            + column(speed(result.trackingFramesPerSecond), 10) + column(speed(result.endToEndFramesPerSecond), 9)
            + column(result.firstLostFrame.map { "\($0)" } ?? "-", 8) + longTerm(result.longTerm)
    }

    /// The mean over sequences; its speeds are the medians over sequences.
    func meanRow(_ report: Report) -> String {
        name("mean") + column("\(report.sequences.reduce(0) { $0 + $1.frameCount })", 7) + scores(report.mean)
            + column(speed(report.trackingFramesPerSecond), 10) + column(speed(report.endToEndFramesPerSecond), 9)
            + column("\(report.sequences.filter { $0.firstLostFrame != nil }.count) lost", 8) + longTerm(report.longTerm)
    }

    /// The F-score and, where the target is ever absent, how many absent frames were reported
    /// absent and how many returns were re-acquired, with the median delay.
    private func longTerm(_ metrics: LongTermMetrics?) -> String {
        guard let metrics else { return column("-", 6) + column("-", 9) + column("-", 9) }
        let absent = metrics.absentFrames > 0 ? "\(metrics.absentReportedAbsent)/\(metrics.absentFrames)" : "-"
        return column(String(format: "%.3f", metrics.fScore), 6) + column(absent, 9) + column(metrics.reacquisitionSummary, 9)
    }

    /// One row per tracker, best success AUC first, for runs compared on the same sequences.
    func comparison(_ reports: [Report]) -> [String] {
        let ranked = reports.sorted { ($0.mean.successAUC, $1.tracker) > ($1.mean.successAUC, $0.tracker) }
        let width = max(nameWidth, reports.map(\.tracker.count).max() ?? 0)
        return [pad("tracker", width) + scoreTitles + column("track fps", 10)]
            + ranked.map { pad($0.tracker, width) + scores($0.mean) + column(speed($0.trackingFramesPerSecond), 10) }
    }

    private var scoreTitles: String {
        column("AUC", 7) + column("P@20", 7) + column("NPrec", 7) + column("SR0.5", 7)
    }

    private func scores(_ metrics: SequenceMetrics) -> String {
        [metrics.successAUC, metrics.precisionAt20Pixels, metrics.normalizedPrecisionAUC, metrics.successRateAtHalfOverlap]
            .map { column(String(format: "%.3f", $0), 7) }.joined()
    }

    private func speed(_ framesPerSecond: Double?) -> String {
        framesPerSecond.map { String(format: "%.1f", $0) } ?? "-"
    }

    private func name(_ text: String) -> String { pad(text, nameWidth) }

    private func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
    }

    /// `text` right-aligned in a column of `width` characters, with two spaces before it.
    private func column(_ text: String, _ width: Int) -> String {
        "  " + String(repeating: " ", count: max(width - text.count, 0)) + text
    }
}
