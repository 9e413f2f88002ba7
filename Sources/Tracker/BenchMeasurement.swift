import Evaluation
import Foundation
import SiameseTracker
import VideoIO

/// Times the tracker frame by frame on one clip: decoding around `nextFrame()`, the stages from
/// `StageTimes`, and the whole update on the clock.
struct BenchMeasurement {
    /// The seconds one tracked frame took.
    struct FrameTimes {
        /// Decoding and colour conversion: the reader's `nextFrame()`.
        let decodeSeconds: Double
        /// Crops, embedding, correlation and post-processing, as the tracker counts them.
        let stages: StageTimes
        /// The whole `update` call, on the clock.
        let trackingSeconds: Double
    }

    /// One run over the clip.
    struct Pass {
        /// Width and height of the frames, in pixels.
        let frameWidth: Int, frameHeight: Int
        /// Starting the tracker on the first frame (the exemplar's embedding).
        let initialisationSeconds: Double
        /// Every frame after the first.
        let frames: [FrameTimes]
        /// Drawing the boxes and encoding every frame into an H.264 mp4 (as `track --render`),
        /// per frame on average, the encoder's final flush included.
        let renderSecondsPerFrame: Double
    }

    /// The network measured, or the ensemble.
    let networks: [EmbeddingNetwork]
    /// The tracker's hyper-parameters.
    var configuration = TrackerConfiguration()
    /// The clip and its starting box.
    let clip: BenchClip
    /// Threads for decoding a video file.
    let decodingThreads: Int

    /// Opens the clip, starts on its first frame and times updates on the later ones, up to
    /// `frameLimit` frames in all (the whole clip when nil).
    func pass(frameLimit: Int?) throws -> Pass {
        let reader = try clip.frames.openReader(decodingThreads: decodingThreads, frameLimit: frameLimit)
        guard let first = try reader.nextFrame() else { throw BenchError.tooFewFrames(path: clip.frames.displayPath) }
        let starting = ContinuousClock.now
        var tracker = try startTracker(on: first)
        let initialisationSeconds = starting.secondsElapsed
        var frames: [FrameTimes] = []
        let renderPath = FileManager.default.temporaryDirectory.appendingPathComponent("siamtrack-bench-\(getpid()).mp4").path
        defer { unlink(renderPath) }
        let writer = try VideoWriter(
            path: renderPath, width: first.image.width, height: first.image.height, framesPerSecond: 30, threads: decodingThreads)
        var renderSeconds = 0.0
        while frames.count + 1 < frameLimit ?? .max {
            let decoding = ContinuousClock.now
            guard let frame = try reader.nextFrame() else { break }
            let decodeSeconds = decoding.secondsElapsed
            var stages = StageTimes()
            let updating = ContinuousClock.now
            let result = frame.image.withPixelView { tracker.update(frame: $0, times: &stages) }
            frames.append(FrameTimes(decodeSeconds: decodeSeconds, stages: stages, trackingSeconds: updating.secondsElapsed))
            let rendering = ContinuousClock.now
            try writer.write(FrameAnnotator.annotate(frame.image, frameIndex: frame.index, results: [result]), timeSeconds: frame.timeSeconds)
            renderSeconds += rendering.secondsElapsed
        }
        guard !frames.isEmpty else { throw BenchError.tooFewFrames(path: clip.frames.displayPath) }
        let finishing = ContinuousClock.now
        try writer.finish()
        renderSeconds += finishing.secondsElapsed
        return Pass(
            frameWidth: reader.width, frameHeight: reader.height, initialisationSeconds: initialisationSeconds, frames: frames,
            renderSecondsPerFrame: renderSeconds / Double(frames.count))
    }

    /// Median seconds per update while the target is judged absent: the search near the last box
    /// plus the tiles of the whole-frame search, timed on the clip's frames with a tracker that
    /// judges every frame absent and accepts no candidate.
    func absentUpdateSeconds(frameLimit: Int?) throws -> Double {
        var searching = configuration
        (searching.absentBelow, searching.presentAbove, searching.absentAfterFrames, searching.redetects) = (1, 1, 1, true)
        let reader = try clip.frames.openReader(decodingThreads: decodingThreads, frameLimit: frameLimit)
        guard let first = try reader.nextFrame() else { throw BenchError.tooFewFrames(path: clip.frames.displayPath) }
        var tracker: SiamFCTracker
        do { tracker = try SiamFCTracker(networks: networks, configuration: searching, frame: first.image, box: clip.box) } catch { throw BenchError.cannotStart(error) }
        var seconds: [Double] = []
        while seconds.count + 1 < frameLimit ?? .max, let frame = try reader.nextFrame() {
            let updating = ContinuousClock.now
            _ = tracker.update(frame: frame.image)
            seconds.append(updating.secondsElapsed)
        }
        guard let median = seconds.median else { throw BenchError.tooFewFrames(path: clip.frames.displayPath) }
        return median
    }

    /// Frames per second of decoding and colour conversion alone over the clip: the ceiling for
    /// any end-to-end speed.
    func decodeAlone(frameLimit: Int?) throws -> Double {
        let started = ContinuousClock.now
        let reader = try clip.frames.openReader(decodingThreads: decodingThreads, frameLimit: frameLimit)
        var frames = 0
        while frames < frameLimit ?? .max, try reader.nextFrame() != nil { frames += 1 }
        guard frames >= 2 else { throw BenchError.tooFewFrames(path: clip.frames.displayPath) }
        return Double(frames) / started.secondsElapsed
    }

    /// Frames per second of the whole clip the way `siamtrack track` runs it: opening, decoding
    /// on its own thread, starting the tracker and tracking every frame, by the wall clock.
    func pipelined(frameLimit: Int?) throws -> Double {
        let started = ContinuousClock.now
        let reader = FramePrefetcher(try clip.frames.openReader(decodingThreads: decodingThreads, frameLimit: frameLimit))
        guard let first = try reader.nextFrame() else { throw BenchError.tooFewFrames(path: clip.frames.displayPath) }
        var tracker = try startTracker(on: first)
        var frames = 1
        while frames < frameLimit ?? .max, let frame = try reader.nextFrame() {
            _ = tracker.update(frame: frame.image)
            frames += 1
        }
        guard frames >= 2 else { throw BenchError.tooFewFrames(path: clip.frames.displayPath) }
        return Double(frames) / started.secondsElapsed
    }

    /// A tracker started on `first` with the clip's box.
    private func startTracker(on first: VideoFrame) throws(BenchError) -> SiamFCTracker {
        do {
            return try SiamFCTracker(networks: networks, configuration: configuration, frame: first.image, box: clip.box)
        } catch {
            throw .cannotStart(error)
        }
    }
}
