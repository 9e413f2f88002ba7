import CFFmpeg

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

    /// Seconds from the start for a frame stamped `tick` (`AV_NOPTS_VALUE` if unstamped).
    mutating func seconds(atTick tick: Int64, frameIndex: Int) -> Double {
        guard tick != cffmpeg_no_pts() else { return Double(frameIndex) / framesPerSecond }
        let start = startTick ?? tick
        startTick = start
        return Double(tick - start) * secondsPerTick
    }
}
