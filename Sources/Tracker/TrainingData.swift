import Evaluation
import Foundation
import Imaging
import SiameseTracker
import SiameseTraining
import VideoIO

/// Decodes annotated datasets into training clips (regions around the target per frame).
enum TrainingData {
    /// Every sequence of every folder, decoded once; `log` receives one line per folder.
    static func load(_ folders: [String], regionSize: Int, log: (String) -> Void) throws -> [TrainingClip] {
        var clips: [TrainingClip] = []
        for folder in folders {
            let started = ContinuousClock.now
            var frames = 0
            for sequence in try Dataset(contentsOf: folder).sequences {
                var clip = TrainingClip(name: sequence.name, regionSize: regionSize)
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

    /// One synthetic clip per image (JPEG, PNG or BMP) found in `folders` (recursively), its views and
    /// region size as `configuration` says.
    static func photoClips(_ folders: [String], configuration: TrainingConfiguration, log: (String) -> Void) throws -> [TrainingClip] {
        var random = SeededRandom(seed: configuration.seed ^ 0x5048_4F54_4F53)
        var clips: [TrainingClip] = []
        for folder in folders {
            var used = 0
            for path in try photoPaths(in: folder) {
                // A folder of photos may hold a broken or tiny file: say so and go on with the rest.
                let photo: RGBImage
                do {
                    guard let decoded = try VideoReader(imageFiles: [path]).nextFrame()?.image else { continue }
                    photo = decoded
                } catch {
                    log("skipped \(path): \(error)")
                    continue
                }
                guard min(photo.width, photo.height) >= 64 else {
                    log("skipped \(path): smaller than 64 pixels")
                    continue
                }
                clips.append(TrainingClip(
                    photo: photo, name: path, views: configuration.photoViews, regionSize: configuration.regionSize, random: &random))
                used += 1
            }
            log("loaded \(folder): \(used) photos, \(configuration.photoViews.viewsPerPhoto) synthetic views each")
        }
        return clips
    }

    private static func photoPaths(in folder: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { throw TrainError.noPhotos(folder) }
        let paths = walker.compactMap { $0 as? String }
            .filter { ImageFolder.imageExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted().map { (folder as NSString).appendingPathComponent($0) }
        guard !paths.isEmpty else { throw TrainError.noPhotos(folder) }
        return paths
    }
}
