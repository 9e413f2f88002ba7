/// The frames of a video that damaged data spoiled, by the video's own frame numbers.
public struct DecodeDamage: Sendable, Equatable {
    /// Frames the decoder could not make at all: the reader skipped them.
    public internal(set) var lostFrames: [Int] = []
    /// Frames the decoder made with errors it concealed (areas copied from other frames).
    public internal(set) var concealedFrames: [Int] = []

    /// No damage seen.
    public init() {}

    /// Whether every frame decoded cleanly.
    public var isEmpty: Bool { lostFrames.isEmpty && concealedFrames.isEmpty }

    /// Frames lost or concealed.
    public var frameCount: Int { lostFrames.count + concealedFrames.count }

    /// One line for a user: which frames were lost and which concealed, e.g.
    /// "4 frames (7-9, 412) could not be decoded and are skipped; frame 10 was concealed by the decoder".
    public var summary: String {
        var parts: [String] = []
        if !lostFrames.isEmpty {
            parts.append("\(Self.describe(lostFrames)) could not be decoded and \(lostFrames.count == 1 ? "is" : "are") skipped")
        }
        if !concealedFrames.isEmpty {
            parts.append("\(Self.describe(concealedFrames)) \(concealedFrames.count == 1 ? "was" : "were") concealed by the decoder")
        }
        return parts.joined(separator: "; ")
    }

    /// "frame 7" or "4 frames (7-9, 412)", runs joined, at most eight runs listed.
    private static func describe(_ frames: [Int]) -> String {
        var runs: [ClosedRange<Int>] = []
        for frame in frames.sorted() {
            if let last = runs.last, frame <= last.upperBound + 1 {
                runs[runs.count - 1] = last.lowerBound...max(last.upperBound, frame)
            } else {
                runs.append(frame...frame)
            }
        }
        let shown = runs.prefix(8).map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
        let more = runs.count > 8 ? " and \(runs.count - 8) more runs" : ""
        return (frames.count == 1 ? "frame " : "\(frames.count) frames (") + shown.joined(separator: ", ") + more
            + (frames.count == 1 ? "" : ")")
    }
}
