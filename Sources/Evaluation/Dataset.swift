import Foundation
import SafeFiles
import Geometry

/// The annotated sequences found in a directory, whatever their layout.
package struct Dataset: Sendable {
    /// The directory the sequences were read from.
    package let directory: String
    /// The sequences, in natural order of their names.
    package let sequences: [TrackingSequence]
    /// Why each sequence folder that could not be read was left out (only with `init(scanning:)`).
    package let problems: [DatasetError]

    /// Reads `directory`, which is either one sequence or a directory of sequences.
    ///
    /// Each sequence's layout (`DatasetLayout`) is detected on its own, so layouts may be mixed.
    /// Subdirectories without a ground-truth file are skipped (e.g. an `anno/` folder); one with
    /// a ground-truth file but no frames is an error, as is a directory with no sequence at all.
    /// Throws the first sequence's problem.
    package init(contentsOf directory: String) throws(DatasetError) {
        self = try Dataset(scanning: directory)
        if let problem = problems.first { throw problem }
    }

    /// Reads `directory` as `init(contentsOf:)` does, but goes on past sequence folders that
    /// cannot be read (a ground truth that does not parse, images missing), listing them in
    /// `problems`; throws only when the folder itself cannot be read or holds nothing.
    package init(scanning directory: String) throws(DatasetError) {
        self.directory = directory
        if let layout = DatasetLayout.detect(sequenceDirectory: directory) {
            sequences = try Dataset.sequences(in: directory, layout: layout)
            problems = []
            return
        }
        if Dataset.hasGroundTruth(directory) { throw .noFrames(directory: directory) }
        let names: [String]
        do {
            names = try FileContents.names(inFolder: directory)
        } catch {
            throw .unreadable(path: directory, reason: error.reason)
        }
        var found: [TrackingSequence] = [], problems: [DatasetError] = []
        for name in names.sorted(by: { $0.compare($1, options: .numeric) == .orderedAscending })
        where !name.hasPrefix(".") {
            let subdirectory = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            do throws(DatasetError) {
                if let layout = DatasetLayout.detect(sequenceDirectory: subdirectory) {
                    found += try Dataset.sequences(in: subdirectory, layout: layout)
                } else if Dataset.hasGroundTruth(subdirectory) {
                    throw .noFrames(directory: subdirectory)
                }
            } catch {
                problems.append(error)
            }
        }
        guard !found.isEmpty || !problems.isEmpty else { throw .noSequences(directory: directory) }
        sequences = found
        self.problems = problems
    }

    private static func hasGroundTruth(_ directory: String) -> Bool {
        let groundTruth = URL(fileURLWithPath: directory).appendingPathComponent("groundtruth.txt").path
        return FileManager.default.fileExists(atPath: groundTruth) || !OTBGroundTruth.files(in: directory).isEmpty
    }

    /// The sequences stored in `directory` in `layout`: one, or several for multi-target OTB.
    private static func sequences(in directory: String, layout: DatasetLayout) throws(DatasetError) -> [TrackingSequence] {
        let folder = URL(fileURLWithPath: directory)
        let name = folder.lastPathComponent
        let groundTruthPath = folder.appendingPathComponent("groundtruth.txt").path
        switch layout {
        case .clip:
            let video = folder.appendingPathComponent("video.mp4").path
            return [try TrackingSequence(
                name: name, layout: layout, frames: .video(path: video),
                groundTruth: GroundTruthFile.read(path: groundTruthPath), groundTruthPath: groundTruthPath)]
        case .otb:
            let images = ImageFolder.imagePaths(in: folder.appendingPathComponent("img").path)
            var targets: [TrackingSequence] = []
            for (targetName, path) in OTBGroundTruth.files(in: directory) {
                targets.append(try TrackingSequence(
                    name: targetName, layout: layout, frames: .images(images),
                    groundTruth: GroundTruthFile.read(path: path), groundTruthPath: path))
            }
            return targets
        case .vot:
            let colorImages = ImageFolder.imagePaths(in: folder.appendingPathComponent("color").path)
            let images = colorImages.isEmpty ? ImageFolder.imagePaths(in: directory) : colorImages
            return [try TrackingSequence(
                name: name, layout: layout, frames: .images(images),
                groundTruth: GroundTruthFile.read(path: groundTruthPath), groundTruthPath: groundTruthPath)]
        case .got10k:
            let groundTruth = try hidingUnseenTargets(
                in: GroundTruthFile.read(path: groundTruthPath), directory: folder)
            return [try TrackingSequence(
                name: name, layout: layout, frames: .images(ImageFolder.imagePaths(in: directory)),
                groundTruth: groundTruth, groundTruthPath: groundTruthPath)]
        }
    }

    /// GOT-10k's ground truth with the frames its labels mark unseen made absent: `absence.label`
    /// 1 (target absent) and `cover.label` 0 (target fully occluded), the frames the GOT-10k
    /// toolkit leaves out of its scores. Missing label files leave the ground truth as it is.
    private static func hidingUnseenTargets(in groundTruth: [Box?], directory folder: URL) throws(DatasetError) -> [Box?] {
        var boxes = groundTruth
        let labels: [(file: String, hides: (Int) -> Bool)] = [
            ("absence.label", { $0 == 1 }),
            ("cover.label", { $0 == 0 }),
        ]
        for (file, hides) in labels {
            let path = folder.appendingPathComponent(file).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let values = try FrameLabelFile.read(path: path)
            guard values.count == boxes.count else {
                throw .labelCountMismatch(path: path, labels: values.count, rows: boxes.count)
            }
            for (frame, value) in values.enumerated() where hides(value) { boxes[frame] = nil }
        }
        return boxes
    }
}
