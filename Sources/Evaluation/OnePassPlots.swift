/// The plots of one-pass evaluation, one line per tracker, ranked and labelled as the OTB
/// toolkit does: best first, legend entries `name [score]` with the score to 3 decimals.
extension CurvePlot {
    /// Success plot: success rate against overlap threshold; legend scores are success AUCs.
    package static func successPlot(of reports: [Report], datasetName: String? = nil) -> CurvePlot {
        CurvePlot(
            title: title("Success plots of OPE", datasetName),
            xAxis: PlotAxis(label: "Overlap threshold", range: 0...1, tickStep: 0.1, tickDecimals: 1),
            yAxis: rateAxis("Success rate"),
            lines: rankedLines(reports, curve: \.success, score: \.successAUC),
            legendCorner: .bottomLeft)
    }

    /// Precision plot: precision against centre error threshold in pixels; legend scores are
    /// precisions at 20 pixels.
    package static func precisionPlot(of reports: [Report], datasetName: String? = nil) -> CurvePlot {
        CurvePlot(
            title: title("Precision plots of OPE", datasetName),
            xAxis: PlotAxis(label: "Location error threshold (pixels)", range: 0...50, tickStep: 5, tickDecimals: 0),
            yAxis: rateAxis("Precision"),
            lines: rankedLines(reports, curve: \.precision, score: \.precisionAt20Pixels),
            legendCorner: .bottomRight)
    }

    /// Normalized precision plot: precision against normalized centre error threshold; legend
    /// scores are the normalized precision AUCs over [0, 0.5].
    package static func normalizedPrecisionPlot(of reports: [Report], datasetName: String? = nil) -> CurvePlot {
        CurvePlot(
            title: title("Normalized precision plots of OPE", datasetName),
            xAxis: PlotAxis(label: "Normalized location error threshold", range: 0...0.5, tickStep: 0.05, tickDecimals: 2),
            yAxis: rateAxis("Normalized precision"),
            lines: rankedLines(reports, curve: \.normalizedPrecision, score: \.normalizedPrecisionAUC),
            legendCorner: .bottomRight)
    }

    private static func title(_ base: String, _ datasetName: String?) -> String {
        datasetName.map { "\(base) on \($0)" } ?? base
    }

    private static func rateAxis(_ label: String) -> PlotAxis {
        PlotAxis(label: label, range: 0...1, tickStep: 0.1, tickDecimals: 1)
    }

    private static func rankedLines(
        _ reports: [Report], curve: KeyPath<SequenceMetrics, Curve>, score: KeyPath<SequenceMetrics, Double>
    ) -> [PlotLine] {
        reports
            .sorted { ($0.mean[keyPath: score], $1.tracker) > ($1.mean[keyPath: score], $0.tracker) }
            .map { report in
                let value = report.mean[keyPath: score]
                return PlotLine(label: "\(report.tracker) [\(formatted(value, decimals: 3))]", curve: report.mean[keyPath: curve])
            }
    }
}
