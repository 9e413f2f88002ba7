import Evaluation
import Foundation
import SafeFiles

/// The plots `siamtrack eval` draws into its results folder, one line per tracker.
enum EvalPlots {
    /// Writes `success.svg`, `precision.svg` and `normalized_precision.svg` into `folder` and
    /// returns their paths; each is written aside and renamed.
    static func write(_ reports: [Report], datasetName: String, into folder: ResultsFolder) throws(FileError) -> [String] {
        let plots = [
            ("success.svg", CurvePlot.successPlot(of: reports, datasetName: datasetName)),
            ("precision.svg", CurvePlot.precisionPlot(of: reports, datasetName: datasetName)),
            ("normalized_precision.svg", CurvePlot.normalizedPrecisionPlot(of: reports, datasetName: datasetName)),
        ]
        var paths: [String] = []
        for (file, plot) in plots {
            let path = URL(fileURLWithPath: folder.path).appendingPathComponent(file).path
            try PartialFile.write(Data(plot.svg().utf8), to: path)
            paths.append(path)
        }
        return paths
    }
}
