import Geometry
import SiameseTracker
import VideoIO

/// One video tracked as `siamtrack track` tracks it: the frames in `range`, every target from
/// its box on the first of them, a JSON line per frame and target, and optionally the video
/// rendered with the boxes. `track` runs one; `batch` runs one per manifest entry.
struct TrackJob {
    /// The video file or image pattern.
    let video: String
    /// The targets' boxes on the first frame tracked.
    let boxes: [Box]
    /// Whether lines carry `"target"` (several targets, or boxes from a file).
    let numbersTargets: Bool
    /// Which frames to track.
    var range = FrameRange()
    /// Where to write the rendered video, if anywhere.
    var render: String?
    /// The tracker's settings; `threads` also goes to the decoder and the encoder.
    let configuration: TrackerConfiguration
    /// Whether damaged data inside the video is skipped (and reported) or stops the job.
    var damagedData = DamagedDataHandling.conceal

    /// What a finished job did.
    struct Outcome {
        /// Frames tracked, one line each per target.
        let frames: Int
        /// The frames that damaged data spoiled: skipped, or concealed by the decoder.
        let damage: DecodeDamage
    }

    /// Tracks the video with `networks` (one, or an ensemble). The line output comes from `openOutput`, called once
    /// the first frame has been read (so a video that cannot be read leaves no file behind);
    /// `progress` hears the frames done and, when known, the frames in all.
    ///
    /// - Returns: the frames tracked and the damage seen.
    func run(networks: [EmbeddingNetwork], openOutput: () throws -> LineOutput, progress: (Int, Int?) -> Void = { _, _ in }) throws -> Outcome {
        let reader = try VideoReader(path: video, threads: configuration.threads, damagedData: damagedData)
        let framesPerSecond = reader.framesPerSecond ?? VideoReader.assumedImageFramesPerSecond
        let videoFrames = reader.frameCount ?? reader.durationSeconds.map { Int(($0 * framesPerSecond).rounded()) }
        let skipped = try reader.skipFrames { range.isBeforeStart(index: $0, timeSeconds: $1) }
        let frames = FramePrefetcher(reader)
        guard let first = try frames.nextFrame() else {
            throw range.start == nil ? CommandError.emptyVideo(video) : CommandError.startPastEnd(video: video, frames: skipped)
        }
        var targets = try TargetTrackers(networks: networks, configuration: configuration, frame: first.image, boxes: boxes)
        let writer = try render.map {
            try VideoWriter(
                path: $0, width: first.image.width, height: first.image.height, framesPerSecond: framesPerSecond,
                threads: configuration.threads, firstImageNumber: first.index)
        }
        let sink = try openOutput()
        let total = videoFrames.map { range.frameCount(inVideoOf: $0, framesPerSecond: framesPerSecond) }
        var done = 0

        func emit(_ frame: VideoFrame, _ results: [TrackingResult]) throws {
            for (index, result) in results.enumerated() {
                let record = TrackRecord(
                    frame: frame.index, target: numbersTargets ? index : nil, timeSeconds: frame.timeSeconds, box: result.box,
                    score: result.score, isVisible: result.isVisible)
                try sink.write(record.jsonLine)
            }
            try writer?.write(
                FrameAnnotator.annotate(frame.image, frameIndex: frame.index, results: results), timeSeconds: frame.timeSeconds - first.timeSeconds)
            done += 1
            progress(done, total)
        }

        try emit(first, boxes.map { TrackingResult(box: $0, score: 1) })
        while let frame = try frames.nextFrame(), !range.isPastEnd(index: frame.index, timeSeconds: frame.timeSeconds) {
            try emit(frame, targets.update(frame: frame.image))
        }
        try writer?.finish()
        return Outcome(frames: done, damage: frames.damage)
    }
}
