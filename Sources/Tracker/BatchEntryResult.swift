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
    /// The one-line error of a failed entry.
    let error: String?
}
