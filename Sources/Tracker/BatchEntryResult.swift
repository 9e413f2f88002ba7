/// What happened to one manifest entry, as `summary.json` lists it.
struct BatchEntryResult: Codable, Equatable {
    enum Status: String, Codable {
        /// Tracked in this run.
        case done
        /// Its complete output was already there for the same inputs.
        case skipped
        /// It could not be tracked; `error` says why.
        case failed
    }

    let name: String
    let video: String
    let status: Status
    /// Frames in its output (nil when it failed).
    let frames: Int?
    /// Frames per second of this run, opening to last line (nil unless tracked now).
    let framesPerSecond: Double?
    /// Frames of a damaged video that could not be decoded (skipped) or were concealed; nil when none.
    let damagedFrames: Int?
    /// The one-line error of a failed entry, or what went wrong beside a done one (a damaged video).
    let error: String?
}
