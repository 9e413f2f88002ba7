internal import CFFmpeg

/// Turns a stream's frame timestamps into seconds from the stream's start.
struct PresentationClock {
    private let secondsPerTick: Double
    private var startTick: Int64?
    private let framesPerSecond: Double

    /// A clock for `stream`; `framesPerSecond` times frames that carry no timestamp.
    init(stream: UnsafePointer<AVStream>, framesPerSecond: Double) {
        secondsPerTick = av_q2d(stream.pointee.time_base)
        // Without a stated start, the first timestamp seen becomes time 0.
        startTick = stream.pointee.start_time == cffmpeg_no_pts() ? nil : stream.pointee.start_time
        self.framesPerSecond = framesPerSecond
    }

    /// The last frame timed, and its time.
    private var last: (frameIndex: Int, seconds: Double)?

    /// Seconds from the start for frame `frameIndex`, stamped `tick` (`AV_NOPTS_VALUE` if
    /// unstamped). Times always increase by at least half a millisecond: a damaged stamp that
    /// repeats, goes back in time or comes too soon gives one frame interval after the previous
    /// frame. Asking again for the same frame gives
    /// the same time.
    mutating func seconds(atTick tick: Int64, frameIndex: Int) -> Double {
        if let last, last.frameIndex == frameIndex { return last.seconds }
        var seconds = Double(frameIndex) / framesPerSecond
        if tick != cffmpeg_no_pts() {
            let start = startTick ?? tick
            startTick = start
            // In doubles: damaged stamps far apart would overflow a subtraction of Int64s.
            seconds = (Double(tick) - Double(start)) * secondsPerTick
        }
        if !seconds.isFinite { seconds = Double(frameIndex) / framesPerSecond }
        // Frames less than half a millisecond apart are not real (nor apart once printed to the
        // microsecond); a damaged header's rate is not trusted beyond 1,000 fps either.
        if let last, !(seconds >= last.seconds + 0.0005) {
            seconds = last.seconds + 1 / (framesPerSecond <= 1000 ? framesPerSecond : VideoReader.assumedImageFramesPerSecond)
        }
        last = (frameIndex, seconds)
        return seconds
    }
}
