import ArgumentParser
import Foundation
import SiameseTracker

/// `siamtrack bench [VIDEO --box x,y,w,h]`: the median time per frame of each stage of tracking.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time each stage of tracking per frame: the speed to quote.",
        discussion: """
            Runs --warmup-frames frames and discards them, then tracks the clip --repetitions \
            times from its first frame. Every frame after the first is timed: decoding and colour \
            conversion around the reader's nextFrame(), crops, embedding, correlation and \
            post-processing inside update(). Reports the median of each over all timed frames; \
            tracking fps = 1 / median update time. Then runs the whole clip --repetitions times \
            as `track` does (decoding on its own thread) and decoding alone, and reports the \
            median fps of each: end to end and its ceiling. Also measures the sgemm rate this CPU \
            sustains, and the network's floor at that rate. \
            Starting the tracker (the exemplar's embedding) is reported apart, once per clip, and \
            so are drawing and encoding for --render and an update while the target is judged \
            absent (the search near the last box plus the whole-frame search's tiles). \
            Without VIDEO, measures the bundled clip clips/\(BenchClip.bundledName).
            """)

    @Argument(help: ArgumentHelp(
        "A video file (with --box), or a sequence folder whose ground truth gives the box.", valueName: "video"))
    var video: String?

    // Unconditional: a box partly off the left or top edge starts with '-' and is still a value.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The target in the first frame, in pixels: left, top, width, height.", valueName: "x,y,w,h"),
        transform: BoxArgument.parse)
    var box: Box?

    @OptionGroup var model: ModelOption
    @OptionGroup(title: "Tracker settings") var tracker: TrackerOptions

    @Option(help: "Frames tracked before timing starts, then discarded.")
    var warmupFrames = 10

    @Option(help: "Timed runs over the clip.")
    var repetitions = 3

    @Option(help: ArgumentHelp("Use only the first N frames of the clip in each run.", valueName: "n"))
    var maxFrames: Int?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        guard warmupFrames >= 0 else { throw ValidationError("--warmup-frames must be 0 or more") }
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be 1 or more") }
        if let maxFrames, maxFrames < 2 { throw ValidationError("--max-frames must be 2 or more: the first frame only starts the tracker") }
        if let video, box == nil, !BenchClip.isDirectory(video) {
            throw ValidationError("--box x,y,w,h is required with a video file (a sequence folder gives its own)")
        }
    }

    func run() throws {
        let loadAverage = Self.loadAverageOverLastMinute()
        let clip = try BenchClip.resolve(video: video, box: box)
        let networks = try model.load()
        let measurement = BenchMeasurement(networks: networks, configuration: tracker.configuration, clip: clip, decodingThreads: tracker.threads)
        if warmupFrames > 0 { _ = try measurement.pass(frameLimit: warmupFrames + 1) }
        let passes = try (0..<repetitions).map { _ in try measurement.pass(frameLimit: maxFrames) }
        let pipelined = try (0..<repetitions).map { _ in try measurement.pipelined(frameLimit: maxFrames) }
        let decodeAlone = try (0..<repetitions).map { _ in try measurement.decodeAlone(frameLimit: maxFrames) }
        let absent = try measurement.absentUpdateSeconds(frameLimit: maxFrames)
        let settings = measurement.configuration
        let report = BenchReport(
            passes: passes, pipelinedFramesPerSecond: pipelined, decodeAloneFramesPerSecond: decodeAlone, absentUpdateSeconds: absent,
            video: clip.frames.displayPath, warmUpFrames: warmupFrames, threads: tracker.threads,
            networkPrecision: settings.precision.resolved?.rawValue ?? "float32",
            loadAverageBeforeMeasuring: loadAverage,
            embeddingOperationsPerFrame: settings.scaleCount * networks.reduce(0) { $0 + $1.floatingPointOperations(inputSize: settings.searchSize) },
            matrixMultiplyGigaflopsPerSecond: MatrixMultiplyRate.measure())
        print(json ? report.json : report.text)
    }

    /// The system's one-minute load average, or nil where the system does not say.
    private static func loadAverageOverLastMinute() -> Double? {
        var load = [0.0]
        return getloadavg(&load, 1) == 1 ? load[0] : nil
    }
}
