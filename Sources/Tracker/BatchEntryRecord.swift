import Foundation
import Geometry

/// What made one batch output: the video as it was (path, size, modification time), the boxes,
/// the start, the model's fingerprint and the tracker's settings. Stored as JSON in
/// `DIR/.siamtrack-batch/NAME.json` after the output is complete; an entry whose record matches
/// is not tracked again.
struct BatchEntryRecord: Codable, Equatable {
    /// The parts that are the same for every entry of a run.
    struct Identity: Codable, Equatable {
        /// `EmbeddingNetwork.fingerprint`.
        let model: String
        /// The settings' JSON.
        let settings: String
    }

    let video: String
    let videoBytes: Int
    let videoModified: Double
    let boxes: [[Double]]
    let startFrame: Int?
    let identity: Identity

    /// The record for `entry` as its video is now, or nil when the video cannot be examined
    /// (then it is tracked, and fails with the reader's message).
    init?(_ entry: BatchManifest.Entry, identity: Identity) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: entry.video),
            let bytes = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        video = entry.video
        videoBytes = bytes
        videoModified = modified.timeIntervalSince1970
        boxes = entry.boxes.map { [$0.x, $0.y, $0.width, $0.height] }
        startFrame = entry.startFrame
        self.identity = identity
    }
}
