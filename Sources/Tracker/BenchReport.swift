import Evaluation
import Foundation

/// What `siamtrack bench` found: the median time of each stage per frame and the speeds they give.
struct BenchReport: Codable {
    /// Median milliseconds per tracked frame of each stage, over every frame of every repetition.
    struct StageMilliseconds: Codable {
        /// Decoding and colour conversion to RGB.
        let decodeAndColourConversion: Double
        /// Cutting and resizing the search crops (all scales).
        let crops: Double
        /// The embedding network on the search crops.
        let embedding: Double
        /// Cross-correlation with the exemplar.
        let correlation: Double
        /// The online models (colour model, correlation filter): responses and updates.
        let onlineModels: Double
        /// Upsampling, penalties, window, peak and box update.
        let postProcessing: Double
        /// The whole `update` call: what tracking-only speed is made of.
        let tracking: Double
        /// Decoding plus tracking, frame by frame.
        let endToEnd: Double
    }

    /// The frames measured: a video file or a folder of images.
    let video: String
    /// Frame size in pixels.
    let frameWidth: Int, frameHeight: Int
    /// Frames tracked (updated) in each repetition, the first frame excluded.
    let trackedFramesPerRepetition: Int
    /// Timed runs over the clip.
    let repetitions: Int
    /// Frames run before timing, then discarded.
    let warmUpFrames: Int
    /// Threads of the network and of the decoder.
    let threads: Int
    /// The number format the search crops were embedded in: "float32", "bfloat16" or "int8".
    let networkPrecision: String
    /// Processors the system offers.
    let processorCount: Int
    /// The system's load average over the minute before measuring: near or above
    /// `processorCount`, other work was competing for the processors and the times are pessimistic.
    let loadAverageBeforeMeasuring: Double?
    /// Median milliseconds per frame, stage by stage.
    let medianMilliseconds: StageMilliseconds
    /// Mean milliseconds per frame to draw the boxes and encode the frame as H.264 (`track
    /// --render`), over the timed repetitions; not in the speeds above.
    let renderMilliseconds: Double
    /// Median milliseconds of an update while the target is judged absent (nearby search plus the
    /// whole-frame search's tiles); not in the speeds above.
    let absentUpdateMilliseconds: Double
    /// Median milliseconds to start the tracker on the first frame, once per clip; not in the speeds.
    let initialisationMilliseconds: Double
    /// Billions of floating-point operations of the embedding per frame (all search scales).
    let embeddingGigaflopsPerFrame: Double
    /// Embedding operations per second at the median embedding time.
    let embeddingGigaflopsPerSecond: Double
    /// 1 / median tracking time.
    let trackingFramesPerSecond: Double
    /// 1 / median (decode + update): the two stages one after the other on one thread.
    let endToEndFramesPerSecond: Double
    /// Median over repetitions of whole-clip frames per second with decoding on its own thread
    /// (what `siamtrack track` does).
    let pipelinedFramesPerSecond: Double
    /// Median over repetitions of whole-clip frames per second of decoding alone: the ceiling.
    let decodeAloneFramesPerSecond: Double
    /// What a large square matrix product sustains on this CPU with the same threads.
    let matrixMultiplyGigaflopsPerSecond: Double
    /// The embedding's FLOPs per frame at that rate: its time if the network ran at the CPU's
    /// sustained GEMM rate.
    let embeddingFloorMilliseconds: Double

    /// Summarises timed passes over `video`; `embeddingOperationsPerFrame` counts the network's
    /// floating-point operations on one frame's search crops.
    init(
        passes: [BenchMeasurement.Pass], pipelinedFramesPerSecond: [Double], decodeAloneFramesPerSecond: [Double], absentUpdateSeconds: Double,
        video: String, warmUpFrames: Int, threads: Int, networkPrecision: String, loadAverageBeforeMeasuring: Double?,
        embeddingOperationsPerFrame: Int, matrixMultiplyGigaflopsPerSecond: Double
    ) {
        precondition(!passes.isEmpty, "a report needs at least one pass")
        let frames = passes.flatMap(\.frames)
        func median(_ seconds: (BenchMeasurement.FrameTimes) -> Double) -> Double {
            frames.map(seconds).median.map { $0 * 1000 } ?? 0
        }
        medianMilliseconds = StageMilliseconds(
            decodeAndColourConversion: median(\.decodeSeconds),
            crops: median(\.stages.cropSeconds),
            embedding: median(\.stages.embeddingSeconds),
            correlation: median(\.stages.correlationSeconds),
            onlineModels: median(\.stages.onlineModelSeconds),
            postProcessing: median(\.stages.postProcessingSeconds),
            tracking: median(\.trackingSeconds),
            endToEnd: median { $0.decodeSeconds + $0.trackingSeconds })
        self.video = video
        frameWidth = passes[0].frameWidth
        frameHeight = passes[0].frameHeight
        trackedFramesPerRepetition = passes[0].frames.count
        repetitions = passes.count
        self.warmUpFrames = warmUpFrames
        self.threads = threads
        self.networkPrecision = networkPrecision
        processorCount = ProcessInfo.processInfo.activeProcessorCount
        self.loadAverageBeforeMeasuring = loadAverageBeforeMeasuring
        initialisationMilliseconds = (passes.map(\.initialisationSeconds).median ?? 0) * 1000
        absentUpdateMilliseconds = absentUpdateSeconds * 1000
        renderMilliseconds = passes.map(\.renderSecondsPerFrame).reduce(0, +) / Double(passes.count) * 1000
        embeddingGigaflopsPerFrame = Double(embeddingOperationsPerFrame) / 1e9
        embeddingGigaflopsPerSecond = embeddingGigaflopsPerFrame / (medianMilliseconds.embedding / 1000)
        trackingFramesPerSecond = 1000 / medianMilliseconds.tracking
        endToEndFramesPerSecond = 1000 / medianMilliseconds.endToEnd
        self.pipelinedFramesPerSecond = pipelinedFramesPerSecond.median ?? 0
        self.decodeAloneFramesPerSecond = decodeAloneFramesPerSecond.median ?? 0
        self.matrixMultiplyGigaflopsPerSecond = matrixMultiplyGigaflopsPerSecond
        embeddingFloorMilliseconds = embeddingGigaflopsPerFrame / matrixMultiplyGigaflopsPerSecond * 1000
    }

    /// The report for people: a stage table and the speeds.
    var text: String {
        let stages = medianMilliseconds
        let rows: [(String, Double)] = [
            ("decode + colour conversion", stages.decodeAndColourConversion),
            ("crops", stages.crops),
            ("embedding", stages.embedding),
            ("correlation", stages.correlation),
            ("online models (colour, filter)", stages.onlineModels),
            ("post-processing", stages.postProcessing),
            ("tracking (update, total)", stages.tracking),
            ("decode + tracking, one thread", stages.endToEnd),
        ]
        return ([
            "video: \(video) (\(frameWidth)x\(frameHeight))",
            "frames: \(trackedFramesPerRepetition) tracked x \(repetitions) repetitions, after \(warmUpFrames) warm-up frames",
            "threads: \(threads) (network and decoder) on \(processorCount) processors, network in \(networkPrecision), load average "
                + (loadAverageBeforeMeasuring.map { String(format: "%.2f", $0) } ?? "unknown") + " before measuring",
            "",
            "stage                            median ms/frame",
        ] + rows.map { name, milliseconds in
            name.padding(toLength: 32, withPad: " ", startingAt: 0) + String(format: "%15.2f", milliseconds)
        } + [
            "initialisation (once per clip)  " + String(format: "%15.2f", initialisationMilliseconds),
            "--render: draw + encode (mean)  " + String(format: "%15.2f", renderMilliseconds),
            "update while judged absent      " + String(format: "%15.2f", absentUpdateMilliseconds),
            "",
            String(format: "embedding: %.3f GFLOP per frame at %.1f GFLOP/s; sgemm sustains %.1f GFLOP/s here: floor %.2f ms/frame",
                   embeddingGigaflopsPerFrame, embeddingGigaflopsPerSecond, matrixMultiplyGigaflopsPerSecond, embeddingFloorMilliseconds),
            String(format: "decode alone: %.1f fps (whole clip)", decodeAloneFramesPerSecond),
            String(format: "end to end, decoding on its own thread: %.1f fps (whole clip), %.0f%% of decode alone",
                   pipelinedFramesPerSecond, 100 * pipelinedFramesPerSecond / decodeAloneFramesPerSecond),
            String(format: "tracking: %.1f fps    end to end: %.1f fps    (%d thread%@)",
                   trackingFramesPerSecond, pipelinedFramesPerSecond, threads, threads == 1 ? "" : "s"),
        ]).joined(separator: "\n")
    }

    /// The report for machines: pretty-printed JSON with sorted keys.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every number is finite and positive by construction, so encoding cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
