/// Which frames `siamtrack track` runs over: from `--start-frame`/`--start-time` (the first frame
/// at or after it) to `--end-frame`/`--end-time` (the last frame at or before it), by the video's
/// own frame numbers and times.
struct FrameRange: Equatable {
    /// A frame number or a time in seconds.
    enum Bound: Equatable {
        case frame(Int)
        case seconds(Double)
    }

    var start: Bound?
    var end: Bound?

    /// Whether the frame numbered `index`, shown at `timeSeconds`, comes before the start.
    func isBeforeStart(index: Int, timeSeconds: Double) -> Bool {
        switch start {
        case nil: false
        case .frame(let first): index < first
        case .seconds(let first): timeSeconds < first - Self.timeTolerance
        }
    }

    /// Whether the frame numbered `index`, shown at `timeSeconds`, comes after the end.
    func isPastEnd(index: Int, timeSeconds: Double) -> Bool {
        switch end {
        case nil: false
        case .frame(let last): index > last
        case .seconds(let last): timeSeconds > last + Self.timeTolerance
        }
    }

    /// About how many frames the range holds in a video of `frameCount` frames at `framesPerSecond`.
    func frameCount(inVideoOf frameCount: Int, framesPerSecond: Double) -> Int {
        func index(_ bound: Bound) -> Int {
            switch bound {
            case .frame(let index): index
            case .seconds(let seconds): Int((seconds * framesPerSecond).rounded(.up))
            }
        }
        let first = start.map(index) ?? 0
        let last = min(end.map(index) ?? frameCount - 1, frameCount - 1)
        return max(0, last - first + 1)
    }

    /// Stamps within a microsecond of a bound count as on it (times are decimal, stamps rational).
    private static let timeTolerance = 1e-6
}
