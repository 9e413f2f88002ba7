import ArgumentParser
import Evaluation
import Foundation
import SafeFiles
import SiameseTracker

/// `siamtrack eval DATASET_DIR...`: one-pass evaluation with the field's metrics, saved as a
/// results folder that other toolkits can read.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the tracker on annotated sequences by one-pass evaluation (OTB's OPE).",
        discussion: """
            Tracks each sequence once from its first ground-truth box, never re-initialising; \
            frame 0 reports that box. Frames whose ground truth is nan count for no metric.
              AUC    mean success rate at IoU > 0, 0.05, ..., 1.0 (21 points)
              P@20   fraction of frames with centre error <= 20 px
              NPrec  normalized precision (TrackingNet/LaSOT): centre error as
                     sqrt((dx/w)^2 + (dy/h)^2) of the ground truth's w, h; area
                     under its curve over thresholds 0, 0.01, ..., 0.5
              SR0.5  fraction of frames with IoU > 0.5
              track fps  frames / seconds in the tracker (start and updates)
              e2e fps    frames / seconds from opening the frames to the last box
              lost at    first frame with IoU < 0.1 (- if none)
              F      VOT-LT's tracking F-score: precision (mean IoU over frames
                     whose confidence reaches a threshold, 0 where the target
                     is absent) and recall (mean IoU over frames with the
                     target, 0 under the threshold), at the best threshold
              absent frames without ground truth (target out of view)
                     reported absent / all such frames (- if none)
              re-acq returns of the target re-acquired (IoU > 0.5) / all
                     returns, and the median frames it took (- if none)
            The mean row weighs sequences equally; its speeds are medians.
            Reads our clips (NAME/video.mp4 + groundtruth.txt), OTB, VOT and GOT-10k. \
            Writes to --output: NAME.txt (x,y,w,h per frame, OTB results format), \
            NAME_time.txt (tracking seconds per frame), NAME_presence.txt (confidence and \
            visible 1/0 per frame; read back by --score-only when present), NAME_trace.csv (frame, IoU, centre \
            error and score per frame), report.json (with the run's resolved settings and each \
            model's fingerprint under "run"), and success, \
            precision and normalized precision plots (SVG).
            """)

    @Argument(help: ArgumentHelp("Datasets (folders of sequences) or single sequences.", valueName: "dataset-dir"))
    var datasets: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Results folder (default: results/<tracker-name>).", valueName: "dir"))
    var output: String?

    @Option(help: "Name of this run in the report, the tables and the plot legends.")
    var trackerName = "siamtrack"

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "Other trackers' results folders (OTB format: NAME.txt per sequence) to score and plot alongside; "
            + "each is named after its folder.", valueName: "dir"))
    var compare: [String] = []

    @OptionGroup var progress: ProgressOption
    @OptionGroup var model: ModelOption
    @OptionGroup(title: "Tracker settings") var tracker: TrackerOptions

    @Option(help: ArgumentHelp("Run and score only the first N frames of each sequence.", valueName: "n"))
    var maxFrames: Int?

    @Flag(help: "Score the boxes already in --output (OTB results format, NAME.txt per sequence) instead of running the tracker.")
    var scoreOnly = false

    @Flag(help: "Print each sequence as a JSON line (name, video or images, first box, frames to run) and stop.")
    var listSequences = false

    @Flag(help: "Leave out the sequences whose ground truth or video is unusable, with a warning each, and score the rest.")
    var skipBad = false

    func validate() throws {
        if let maxFrames, maxFrames < 1 { throw ValidationError("--max-frames must be 1 or more") }
        guard !trackerName.isEmpty, !trackerName.contains("/") else {
            throw ValidationError("--tracker-name must be non-empty and without '/'")
        }
        guard !scoreOnly || output != nil else { throw ValidationError("--score-only reads the boxes in --output: give it") }
    }

    func run() throws {
        let sequences = try loadSequences()
        if listSequences {
            for sequence in sequences { try LineOutput.standardOutput.write(SequenceListing(sequence, frameLimit: maxFrames).jsonLine) }
            return
        }
        let folder = ResultsFolder(path: output ?? "results/\(trackerName)")
        try checkPaths(sequences, folder: folder)
        // Other trackers' folders are scored first, so a missing file fails before minutes of tracking.
        let compared = try compare.map { try ResultsFolder(path: $0).report(on: sequences, frameLimit: maxFrames) }
        if scoreOnly {
            let scored = try folder.report(on: sequences, frameLimit: maxFrames)
            try finish(try Report(tracker: trackerName, sequences: scored.sequences), compared: compared, folder: folder, sequences: sequences)
            return
        }
        let networks = try model.load()
        let evaluation = OnePassEvaluation(
            runner: SequenceRunner(networks: networks, configuration: tracker.configuration, decodingThreads: tracker.threads, frameLimit: maxFrames),
            trackerName: trackerName)
        let table = EvalTable(names: sequences.map(\.name))
        let out = LineOutput.standardOutput
        // `automatic` computes in another format on another CPU: the header says which ran.
        let format = tracker.configuration.precision.resolved.map { ", network in \($0.rawValue)" } ?? ""
        try out.write("\(trackerName): one-pass evaluation of \(sequences.count) sequences, \(tracker.threads) thread(s)\(format)\n")
        try out.write(table.header + "\n")
        let line = progress.line(unit: "frames")
        let totalFrames = sequences.reduce(0) { $0 + min($1.groundTruth.count, maxFrames ?? .max) }
        var framesDone = 0, sequencesDone = 0
        line.update(done: 0, total: totalFrames, label: "sequence 1/\(sequences.count)")
        let report = try evaluation.report(on: sequences) { run, result in
            try folder.writeBoxes(run.boxes, sequence: run.name)
            try folder.writeFrameTimes(run.trackingSeconds, sequence: run.name)
            try folder.writePresence(run.presence, sequence: run.name)
            try folder.writeTrace(FrameTrace(predicted: run.boxes, groundTruth: run.groundTruth, scores: run.scores), sequence: run.name)
            line.clear()
            try out.write(table.row(result) + "\n")
            (framesDone, sequencesDone) = (framesDone + run.boxes.count, sequencesDone + 1)
            if sequencesDone < sequences.count {
                line.update(done: framesDone, total: totalFrames, label: "sequence \(sequencesDone + 1)/\(sequences.count)")
            }
        }
        let run = EvalRunDescription(configuration: tracker.configuration, networks: networks, files: model.model, maxFrames: maxFrames)
        try finish(report, compared: compared, folder: folder, sequences: sequences, run: run.json)
    }

    /// Prints the table (its rows too unless they were printed as each sequence finished, which
    /// a tracking run that describes itself with `run` did), the comparison, and writes the report
    /// and plots.
    private func finish(_ report: Report, compared: [Report], folder: ResultsFolder, sequences: [TrackingSequence], run: Data? = nil) throws {
        let rowsPrinted = run != nil
        let table = EvalTable(names: sequences.map(\.name))
        let out = LineOutput.standardOutput
        if !rowsPrinted {
            try out.write("\(report.tracker): scores of the boxes in \(folder.path)\n" + table.header + "\n")
            for result in report.sequences { try out.write(table.row(result) + "\n") }
        }
        try out.write(table.rule + "\n" + table.meanRow(report) + "\n")
        if !compared.isEmpty {
            try out.write("\n" + table.comparison([report] + compared).joined(separator: "\n") + "\n")
        }
        try folder.writeReport(report, run: run)
        let plots = try EvalPlots.write([report] + compared, datasetName: datasetName, into: folder)
        try out.write("\nwrote \(folder.path): \(rowsPrinted ? "boxes, timings, traces, " : "")\((folder.reportPath as NSString).lastPathComponent), "
            + plots.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") + "\n")
    }

    /// Every usable sequence of every dataset, in order; two with one name would overwrite each
    /// other's results. Every sequence is checked first (ground truth, and the video's frames
    /// unless only scoring): each bad one is named on stderr, and the run stops unless `--skip-bad`.
    private func loadSequences() throws -> [TrackingSequence] {
        var sequences: [TrackingSequence] = [], problems: [String] = []
        var directories: [String: String] = [:]
        for directory in datasets {
            let dataset = try Dataset(scanning: directory)
            problems += dataset.problems.map(\.description)
            for sequence in dataset.sequences {
                if let other = directories.updateValue(directory, forKey: sequence.name) {
                    throw EvalError.duplicateSequenceName(sequence.name, firstDataset: other, secondDataset: directory)
                }
                if !scoreOnly, !listSequences, let problem = SequenceCheck.problem(with: sequence, frameLimit: maxFrames) {
                    problems.append(problem)
                } else {
                    sequences.append(sequence)
                }
            }
        }
        guard !problems.isEmpty else { return sequences }
        for problem in problems {
            FileDescriptorWriting.writeToStandardError("siamtrack: \(skipBad ? "warning: left out" : "error"): \(problem)\n")
        }
        guard skipBad, !sequences.isEmpty else {
            throw EvalError.badSequences(problems.count, of: problems.count + sequences.count, skippable: !sequences.isEmpty)
        }
        return sequences
    }

    /// Refuses results that would replace a ground truth, a video or a compared tracker's files.
    private func checkPaths(_ sequences: [TrackingSequence], folder: ResultsFolder) throws {
        var roles = FileRoles()
        for sequence in sequences {
            roles.read(sequence.groundTruthPath, as: "the ground truth \(sequence.groundTruthPath)")
            if case .video(let path) = sequence.frames { roles.read(path, as: "the video \(path)") }
            for other in compare { roles.read(ResultsFolder(path: other).boxesPath(sequence: sequence.name), as: "--compare \(other)'s results") }
            let written = scoreOnly ? [] : [
                folder.boxesPath(sequence: sequence.name), folder.frameTimesPath(sequence: sequence.name),
                folder.presencePath(sequence: sequence.name), folder.tracePath(sequence: sequence.name),
            ]
            for path in written { roles.write(path, as: "the result \(path)") }
        }
        roles.write(folder.reportPath, as: "the report \(folder.reportPath)")
        do {
            try roles.check()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The title's name for the data: the datasets' folder names.
    private var datasetName: String {
        datasets.map { URL(fileURLWithPath: $0).standardizedFileURL.lastPathComponent }.joined(separator: " + ")
    }
}
