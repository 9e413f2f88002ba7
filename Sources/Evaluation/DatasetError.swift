/// Why a dataset, a sequence or a ground-truth file could not be loaded.
package enum DatasetError: Error, CustomStringConvertible, Equatable {
    /// The file or directory could not be read.
    case unreadable(path: String, reason: String)
    /// The ground-truth file holds no rows.
    case emptyGroundTruth(path: String)
    /// A ground-truth row holds neither 4 numbers (x,y,w,h) nor 8 (a polygon).
    case wrongFieldCount(path: String, line: Int, found: Int)
    /// A field of a ground-truth or label file is not a number.
    case notANumber(path: String, line: Int, field: String)
    /// The first ground-truth row marks the target absent, so there is no box to start from.
    case targetAbsentOnFirstFrame(path: String)
    /// The number of frame images differs from the number of ground-truth rows.
    case frameCountMismatch(groundTruthPath: String, rows: Int, framesDirectory: String, images: Int)
    /// A per-frame label file (`absence.label`, `cover.label`) has a different number of rows
    /// from the ground truth.
    case labelCountMismatch(path: String, labels: Int, rows: Int)
    /// The directory has a ground-truth file but no frames in any known layout.
    case noFrames(directory: String)
    /// The directory is neither a sequence nor a directory of sequences.
    case noSequences(directory: String)

    /// One line naming the file and the problem.
    package var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .emptyGroundTruth(let path):
            "ground truth \(path) is empty: it needs one x,y,w,h row per frame"
        case .wrongFieldCount(let path, let line, let found):
            "ground truth \(path) line \(line): expected 4 numbers (x,y,w,h) or 8 (polygon), found \(found)"
        case .notANumber(let path, let line, let field):
            "\(path) line \(line): '\(field)' is not a number"
        case .targetAbsentOnFirstFrame(let path):
            "ground truth \(path) line 1: the target is absent, but tracking starts from the box on line 1"
        case .frameCountMismatch(let groundTruthPath, let rows, let framesDirectory, let images):
            "ground truth \(groundTruthPath) has \(rows) rows but \(framesDirectory) holds \(images) images; "
                + "they must match (trim OTB sequences that start at a later frame to the annotated range)"
        case .labelCountMismatch(let path, let labels, let rows):
            "\(path) has \(labels) rows but the ground truth beside it has \(rows)"
        case .noFrames(let directory):
            "\(directory) has a ground-truth file but no video.mp4, img/, color/ or image files"
        case .noSequences(let directory):
            "\(directory) holds no sequence: expected video.mp4, img/, color/ or *.jpg beside "
                + "groundtruth.txt or groundtruth_rect.txt, in it or in its subdirectories"
        }
    }
}
