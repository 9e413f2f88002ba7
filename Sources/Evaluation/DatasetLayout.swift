import Foundation

/// How a sequence directory stores its frames and ground truth.
///
/// Every layout keeps one sequence per directory; a dataset is a directory of such directories.
package enum DatasetLayout: String, Codable, Hashable, Sendable, CaseIterable {
    /// Our annotated clips: `NAME/video.mp4` and `NAME/groundtruth.txt`.
    case clip
    /// OTB: `NAME/img/*.jpg` and `NAME/groundtruth_rect.txt`, or `groundtruth_rect.1.txt`,
    /// `groundtruth_rect.2.txt`, ... for the sequences that annotate several targets.
    case otb
    /// VOT: `NAME/color/*.jpg` or `NAME/*.jpg`, and `NAME/groundtruth.txt` with boxes or polygons.
    case vot
    /// GOT-10k: `NAME/*.jpg` and `NAME/groundtruth.txt`, told apart from VOT by its
    /// `absence.label`, `cover.label` or `meta_info.ini` beside them.
    case got10k

    /// The layout of the sequence stored in `directory`, or nil when it holds none.
    package static func detect(sequenceDirectory directory: String) -> DatasetLayout? {
        let folder = URL(fileURLWithPath: directory)
        func exists(_ name: String) -> Bool {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path)
        }
        func isDirectory(_ name: String) -> Bool {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        if exists("video.mp4"), exists("groundtruth.txt") { return .clip }
        if isDirectory("img"), !OTBGroundTruth.files(in: directory).isEmpty { return .otb }
        guard exists("groundtruth.txt") else { return nil }
        if isDirectory("color") { return .vot }
        guard !ImageFolder.imagePaths(in: directory).isEmpty else { return nil }
        let got10kMarkers = ["absence.label", "cover.label", "meta_info.ini"]
        return got10kMarkers.contains(where: exists) ? .got10k : .vot
    }
}
