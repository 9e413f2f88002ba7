import Evaluation
import Foundation

/// The plots `siamtrack eval` draws into its results folder, one line per tracker.
enum EvalPlots {
    /// Writes `success.svg`, `precision.svg` and `normalized_precision.svg` into `folder` and
    /// returns their paths.
    static func write(_ reports: [Report], datasetName: String, into folder: ResultsFolder) throws(CommandError) -> [String] {
        let plots = [
            ("success.svg", CurvePlot.successPlot(of: reports, datasetName: datasetName)),
            ("precision.svg", CurvePlot.precisionPlot(of: reports, datasetName: datasetName)),
            ("normalized_precision.svg", CurvePlot.normalizedPrecisionPlot(of: reports, datasetName: datasetName)),
        ]
        var paths: [String] = []
        for (file, plot) in plots {
            let path = URL(fileURLWithPath: folder.path).appendingPathComponent(file).path
            guard FileManager.default.createFile(atPath: path, contents: Data(plot.svg().utf8)) else {
                throw .cannotWrite(path, "the file cannot be created")
            }
            paths.append(path)
        }
        return paths
    }
}
