import Evaluation
import SiameseTracker

/// Decodes annotated datasets into training clips (regions around the target per frame).
enum TrainingData {
    /// Every sequence of every folder, decoded once; `log` receives one line per folder.
    static func load(_ folders: [String], log: (String) -> Void) throws -> [TrainingClip] {
        var clips: [TrainingClip] = []
        for folder in folders {
            let started = ContinuousClock.now
            var frames = 0
            for sequence in try Dataset(contentsOf: folder).sequences {
                var clip = TrainingClip(name: sequence.name)
                let reader = try sequence.frames.openReader(decodingThreads: 0)
                while clip.regions.count < sequence.groundTruth.count, let frame = try reader.nextFrame() {
                    clip.append(frame: frame.image, box: sequence.groundTruth[clip.regions.count])
                }
                frames += clip.regions.count
                clips.append(clip)
            }
            log(String(format: "loaded %@: %d frames in %.0f s", folder, frames, started.secondsElapsed))
        }
        return clips
    }
}
