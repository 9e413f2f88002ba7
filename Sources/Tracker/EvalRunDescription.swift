import Foundation
import SiameseTracker

/// What made an evaluation's boxes, kept in its report.json under `run`, so that a number can be
/// reproduced from the report alone: the tracker's settings as resolved, the number format the
/// network computed in on this CPU, and each model file with its fingerprint.
struct EvalRunDescription: Encodable {
    /// One network of the ensemble.
    struct Model: Encodable {
        /// The file given with `--model`, or "bundled" for the bundled ensemble's.
        let file: String
        /// `EmbeddingNetwork.fingerprint`: the same weights give the same one whatever the file.
        let fingerprint: String
    }

    let settings: TrackerConfiguration
    /// The number format `precision` resolved to here (nil: float32 requested).
    let computedIn: String?
    let models: [Model]
    /// `--max-frames`, when given.
    let maxFrames: Int?

    init(configuration: TrackerConfiguration, networks: [EmbeddingNetwork], files: [String], maxFrames: Int?) {
        settings = configuration
        computedIn = configuration.precision.resolved?.rawValue
        models = networks.enumerated().map { index, network in
            Model(file: files.isEmpty ? "bundled" : files[index], fingerprint: network.fingerprint)
        }
        self.maxFrames = maxFrames
    }

    /// The description as JSON.
    var json: Data { Data(metadataJSON.utf8) }
}
